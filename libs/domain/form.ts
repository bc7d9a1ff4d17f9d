/** Enumerations of the application form (附件2). */
export const INDUSTRIES = [
  'footwear_leather', // 鞋革
  'apparel', // 服装
  'eyewear', // 眼镜
  'locks', // 锁具
  'electrical_machinery', // 电气机械
  'auto_moto_parts', // 汽摩配
  'other', // exceptional front-line workers from other industries
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const SKILL_LEVELS = [
  'senior_technician', // 高级技师
  'technician', // 技师
  'senior_worker', // 高级工
  'intermediate_worker', // 中级工
  'junior_worker', // 初级工
  'senior_title', // 高级职称
  'intermediate_title', // 中级职称
  'junior_title', // 初级职称
] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Mainland mobile numbers: 11 digits starting 13-19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
