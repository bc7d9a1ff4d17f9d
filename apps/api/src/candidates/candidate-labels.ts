import type { CandidateStatus, Condition, FileChannel, PrecheckResult } from '../../../../libs/contract';
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

/** The four conditions of eligibility (评选条件) a form claims, by the notice's names. */
export const CONDITION_LABELS: Record<Condition, string> = {
  craft_specialty: '工艺专长',
  superb_skill: '高超技能',
  leading_role: '领军作用',
  outstanding_contribution: '突出贡献',
};

/** The automatic pre-checks (自动预审) made at nomination and shown to the reviewers. */
export const PRECHECK_LABELS: Record<PrecheckResult['check'], string> = {
  years_of_work: '工作年限',
  industry_scope: '行业范围',
  conditions: '评选条件',
  consent_document: '个人信息处理同意书',
  competition_result: '竞赛成绩',
};

/** The kinds of supporting document (ATTACHMENT_KINDS of libs/db/entities/attachment.entity, not imported: the console reads this file). */
export const ATTACHMENT_KIND_LABELS: Record<string, string> = {
  id_proof: '身份证明',
  years_proof: '工作年限证明',
  skill_certificate: '技能等级或职称证书',
  honour: '荣誉证书',
  achievement_proof: '技术成果证明',
  other: '其他材料',
  consent: '个人信息处理同意书',
};

/**
 * The application form's labels (推荐申报表, 附件2) as the paper prints them, full-width spaces
 * included; the PDF renderer lays them out and the console lists the form under the same names.
 */
export const FORM_LABELS = {
  name: '姓　名',
  idNumber: '身份证号码',
  sex: '性　别',
  ethnicity: '民　族',
  education: '学　历',
  politicalAffiliation: '政治面貌',
  employer: '工作单位',
  position: '职　务',
  homeAddress: '家庭地址',
  mobile: '手机号码',
  industry: '所属行业',
  trade: '工　种',
  yearsOfWork: '工作年限',
  skillLevel: '技能等级\n或职称',
  honours: '已获荣誉\n(区级以上)',
  achievements: '主要技术\n成果',
  deeds: '主要事迹\n(500字左右,包括技术特长、社会贡献等)',
  nominatorOpinion: '推荐单位\n意见',
  endorserOpinion: '所属镇街、开发区总工会、行业协会等社会团体意见',
} as const;

/** A code's label, or the code itself for a value stored before its label existed. */
export function labelOf<K extends string>(labels: Record<K, string>, code: string | null): string {
  if (code === null) return '';
  return (labels as Record<string, string>)[code] ?? code;
}
