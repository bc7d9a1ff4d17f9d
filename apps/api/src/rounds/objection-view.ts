import { maskMobile, type PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import type { ObjectionRow } from './objection.repository';

/** How to reach an objector, for roles other than the office: a mobile masked as elsewhere, anything else cut short. */
export function maskContact(contact: string): string {
  if (/^1\d{10}$/.test(contact)) return maskMobile(contact);
  return contact.length <= 2 ? '***' : `${contact.slice(0, 2)}***`;
}

/** An objection as staff see it: the objector's contact in clear for the programme office only, which investigates. */
export function objectionView(o: ObjectionRow, claims: TokenClaims, pii: PiiCipher) {
  const contact = pii.decrypt(o.contactCipher);
  return {
    id: o.id,
    roundId: o.roundId,
    year: o.year,
    candidateId: o.candidateId,
    candidateName: o.candidateName,
    objectorName: o.objectorName,
    contact: claims.role === 'union_office' ? contact : maskContact(contact),
    grounds: o.grounds,
    filedAt: o.filedAt.toISOString(),
    status: o.status,
    resolution: o.status === 'open' ? null : { outcome: o.status, reason: o.resolutionReason, resolvedBy: o.resolvedBy, resolvedAt: o.resolvedAt?.toISOString() ?? null },
  };
}
