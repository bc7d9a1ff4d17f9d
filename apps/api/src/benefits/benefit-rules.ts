/**
 * The named masters' benefits the notice lists (六(二) 二是建立奖励机制), each with the body that grants it.
 * "命名为'百名工匠大师'的，享受一次疗休养；同等条件下优先推荐区级劳动模范，优先推荐技师、高级技师等职业资格评定，
 * 优先推荐参加区、市级各类技能人才评比；在子女义务教育阶段就读给予优先照顾。"
 */
export const BENEFITS = {
  recuperation_trip: { label: '疗休养（一次）', grantingBody: '区总工会' },
  model_worker_recommendation: { label: '优先推荐区级劳动模范', grantingBody: '区总工会' },
  qualification_recommendation: { label: '优先推荐技师、高级技师等职业资格评定', grantingBody: '区人社局' },
  talent_award_recommendation: { label: '优先推荐参加区、市级各类技能人才评比', grantingBody: '区人社局、区人才办' },
  school_place_priority: { label: '子女义务教育阶段就读优先照顾', grantingBody: '区教育局' },
} as const;
export type BenefitKind = keyof typeof BENEFITS;
export const BENEFIT_KINDS = Object.keys(BENEFITS) as BenefitKind[];

export const BENEFIT_STATUSES = ['offered', 'taken_up', 'declined', 'granted'] as const;
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

/** The master takes the offer up or declines it; the body then grants what was taken up. Declined and granted are final. */
export const NEXT_STATUS: Record<BenefitStatus, readonly BenefitStatus[]> = {
  offered: ['taken_up', 'declined'],
  taken_up: ['granted'],
  declined: [],
  granted: [],
};

/** Why the step cannot be taken from where the benefit stands, naming both statuses; null when it can. */
export function refuseTransition(from: BenefitStatus, to: BenefitStatus): string | null {
  const next = NEXT_STATUS[from];
  if (next.includes(to)) return null;
  return next.length
    ? `the benefit is '${from}': it cannot become '${to}'; from '${from}' it can become ${next.map((s) => `'${s}'`).join(' or ')}`
    : `the benefit is '${from}', which is final: it cannot become '${to}'`;
}
