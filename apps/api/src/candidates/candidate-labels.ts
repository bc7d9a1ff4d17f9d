import type { CandidateStatus, FileChannel } from '../../../../libs/contract';
import type { Area, Industry, SkillLevel } from '../../../../libs/domain';

/**
 * The Chinese names staff know the codes by (the notice's own terms where it has them). Typed as
 * complete records, so a stage, status, channel, industry or area added to the contract fails to
 * compile until it has a label here — and then is accepted by the list filters too.
 */
export { STAGE_LABELS } from '../../../../libs/domain/stage-labels';

export const STATUS_LABELS: Record<CandidateStatus, string> = {
  awaiting_decision: '待审核',
  returned: '退回补充材料',
  in_public_notice: '公示中',
  paying: '奖励发放中',
  rejected: '未通过',
  completed: '已完成',
  subsidy_stopped: '补贴已停发',
  awaiting_panel: '待组建专家组',
  scoring: '专家评分中',
  withdrawn: '已撤回',
  disqualified: '已取消资格',
  awaiting_round: '待年度评选决定',
  not_shortlisted: '未入围复审',
  left_out: '未列入正式候选名单',
  not_approved: '未获区政府审定',
};

export const CHANNEL_LABELS: Record<FileChannel, string> = {
  organisational: '组织推荐',
  association: '社团推荐',
  self: '个人自荐',
  competition: '竞赛选拔',
  imported: '历届认定（纸质档案导入）',
};

export const INDUSTRY_LABELS: Record<Industry, string> = {
  footwear_leather: '鞋革',
  apparel: '服装',
  eyewear: '眼镜',
  locks: '锁具',
  electrical_machinery: '电气机械',
  auto_moto_parts: '汽摩配',
  other: '其他行业',
};

/** The form's eight levels, in the order the paper form lays out its tick boxes (附件2). */
export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  senior_technician: '高级技师',
  technician: '技师',
  senior_worker: '高级工',
  intermediate_worker: '中级工',
  junior_worker: '初级工',
  senior_title: '高级职称',
  intermediate_title: '中级职称',
  junior_title: '初级职称',
};

export const SEX_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' };

export const AREA_LABELS: Record<Area, string> = {
  jingshan: '景山街道',
  xinqiao: '新桥街道',
  louqiao: '娄桥街道',
  panqiao: '潘桥街道',
  nanbaixiang: '南白象街道',
  wutian: '梧田街道',
  chashan: '茶山街道',
  sanyang: '三垟街道',
  liao: '丽岙街道',
  xianyan: '仙岩街道',
  quxi: '瞿溪街道',
  guoxi: '郭溪街道',
  zeya: '泽雅镇',
  development_zone: '瓯海经济开发区',
};

/** A code's label, or the code itself for a value stored before its label existed. */
export function labelOf<K extends string>(labels: Record<K, string>, code: string | null): string {
  if (code === null) return '';
  return (labels as Record<string, string>)[code] ?? code;
}
