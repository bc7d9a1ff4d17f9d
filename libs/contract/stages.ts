import type { Role } from './roles';

/**
 * The selection stages in the order of the district's notice (附件1). Every stage but the
 * public notice waits on a human decision; the public notice passes by its timer.
 */
export const STAGES = [
  'endorsement', // 镇街总工会审核推荐 — organisational channel only
  'qualification', // 资格审核
  'inspection', // 人选考察
  'expert_review', // 专家评审
  'voting', // 网络投票
  'leadership', // 领导小组审核
  'public_notice', // 社会公示
  'government_approval', // 报区政府审定
  'commendation', // 表彰
] as const;
export type Stage = (typeof STAGES)[number];

/** After commendation the file moves on to the money; these are the phases shown in place of a stage. */
export const PHASES = ['payments', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export type DecisionStage = Exclude<Stage, 'public_notice'>;
export const DECISION_STAGES = STAGES.filter((s): s is DecisionStage => s !== 'public_notice');

export function isDecisionStage(value: unknown): value is DecisionStage {
  return typeof value === 'string' && (DECISION_STAGES as readonly string[]).includes(value);
}

/** The one role that may decide each stage. */
export const STAGE_OWNER: Record<DecisionStage, Role> = {
  endorsement: 'street_union',
  qualification: 'union_office',
  inspection: 'inspector',
  expert_review: 'expert',
  voting: 'union_office',
  leadership: 'leadership',
  government_approval: 'government',
  commendation: 'union_office',
};

export const CHANNELS = ['organisational', 'association', 'self', 'competition'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * How a file came to the service: one of the four nomination channels, or `imported` for a master
 * named on paper before the service existed (POST /masters/import), whose file starts at payments.
 */
export const FILE_CHANNELS = [...CHANNELS, 'imported'] as const;
export type FileChannel = (typeof FILE_CHANNELS)[number];

/** Only organisational nominations pass through the sub-district union. */
export function stagesFor(channel: Channel): Stage[] {
  return channel === 'organisational' ? [...STAGES] : STAGES.filter((s) => s !== 'endorsement');
}

export const OUTCOMES = ['approve', 'reject', 'return'] as const;
export type Outcome = (typeof OUTCOMES)[number];
