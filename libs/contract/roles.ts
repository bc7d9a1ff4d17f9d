/** Roles a bearer token can carry. `nominator` is the employer, association or individual who files a nomination. */
export const ROLES = ['union_office', 'street_union', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin', 'nominator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who acts: an opaque user id and the role the token grants. Never personal data. */
export interface Actor {
  userId: string;
  role: Role;
}
