import type { CandidateStateV2 } from '../../../../libs/contract';
import type { CandidateEntity } from '../../../../libs/db';
import { maskIdNumber, maskMobile, type PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';

/** Roles that see personal data in clear: the programme office, which verifies identity and pays. */
const SEES_CLEAR_PII = new Set(['union_office']);

export function maskAddress(address: string): string {
  return address.length <= 6 ? '*'.repeat(address.length) : address.slice(0, 6) + '*'.repeat(Math.min(8, address.length - 6));
}

/** The candidate's sensitive fields as the caller may see them: in clear for the office, masked for everyone else. */
export function personalData(row: CandidateEntity, claims: TokenClaims, pii: PiiCipher) {
  const clear = SEES_CLEAR_PII.has(claims.role);
  const idNumber = pii.decrypt(row.idNumberCipher);
  const mobile = pii.decrypt(row.mobileCipher);
  const homeAddress = row.homeAddressCipher ? pii.decrypt(row.homeAddressCipher) : null;
  return {
    idNumber: clear ? idNumber : maskIdNumber(idNumber),
    mobile: clear ? mobile : maskMobile(mobile),
    homeAddress: homeAddress && (clear ? homeAddress : maskAddress(homeAddress)),
  };
}

/**
 * What a caller sees of a file: personal data masked unless the role needs it; an expert sees only
 * their own scores, so no expert is swayed by another's.
 */
export function candidateView(row: CandidateEntity, state: CandidateStateV2, claims: TokenClaims, pii: PiiCipher) {
  const panel =
    claims.role === 'expert'
      ? state.panel.map((s) => (s.userId === claims.sub ? s : { userId: s.userId, status: s.status, at: s.at }))
      : state.panel;
  return {
    ...state,
    panel,
    workflowId: row.workflowId,
    roundId: row.roundId,
    name: row.name,
    ...personalData(row, claims, pii),
    employer: row.employer,
    industry: row.industry,
    trade: row.trade,
    yearsOfWork: row.yearsOfWork,
    skillLevel: row.skillLevel,
    area: row.area,
    form: row.form,
    formVersion: row.version,
    inspectionBatchId: row.inspectionBatchId,
    nominatedAt: row.createdAt.toISOString(),
  };
}
