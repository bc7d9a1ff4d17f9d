import type { Phase, Stage } from '../contract';

/** The Chinese names staff know the stages by (the notice's own terms), for the API and the notifications alike. */
export const STAGE_LABELS: Record<Stage | Phase, string> = {
  endorsement: '镇街总工会审核推荐',
  qualification: '资格审核',
  inspection: '人选考察',
  expert_review: '专家评审',
  voting: '网络投票',
  leadership: '领导小组审核',
  public_notice: '社会公示',
  government_approval: '报区政府审定',
  commendation: '表彰',
  payments: '奖励发放',
  closed: '已结束',
};
