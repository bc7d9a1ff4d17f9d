/** Roles a bearer token can carry. `nominator` is the employer, association or individual who files a nomination. */
export const ROLES = ['union_office', 'street_union', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin', 'nominator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who acts: the token's issuer, its opaque subject (`userId`) and the role it grants. Never personal
 * data. `issuer` is absent from actors recorded before tokens named one.
 */
export interface Actor {
  issuer?: string;
  userId: string;
  role: Role;
}

/**
 * Whether two actors are the same identity: subject, role and issuer together. A subject alone is
 * not one — another issuer, or another role, may use the same string for somebody else. An actor
 * recorded before actors carried an issuer is matched on subject and role.
 */
export function sameActor(recorded: Actor, caller: Actor): boolean {
  return recorded.userId === caller.userId && recorded.role === caller.role && (recorded.issuer === undefined || recorded.issuer === caller.issuer);
}
