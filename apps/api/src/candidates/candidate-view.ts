import type { CandidateStateV2, PanelSeatState, PrecheckResult, Role } from '../../../../libs/contract';
import type { CandidateEntity } from '../../../../libs/db';
import { maskIdNumber, maskMobile, type PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { competitionPrecheck } from '../competitions/competition-link';
import type { LinkedResult } from '../competitions/competition.repository';
import { bankAccountView } from './bank-account';

/** Roles that see personal data in clear: the programme office, which verifies identity and pays. */
const SEES_CLEAR_PII = new Set<Role>(['union_office']);

/**
 * Roles that see who sits on the panel and how each expert scored: the programme office, which seats
 * the panel, and auditors, who check it. Everyone else — admin included, by least privilege: running
 * the system needs no expert's identity — sees the panel's result only, so no expert can be lobbied
 * or blamed for a mark.
 */
const SEES_PANEL = new Set<Role>(['union_office', 'auditor']);

export function maskAddress(address: string): string {
  return address.length <= 6 ? '*'.repeat(address.length) : address.slice(0, 6) + '*'.repeat(Math.min(8, address.length - 6));
}

/** Whether the caller sees ID number, mobile and address in full (each such read is audited). */
export function seesClearPii(role: Role): boolean {
  return SEES_CLEAR_PII.has(role);
}

/**
 * The candidate's sensitive fields as the caller may see them: in clear for the office, masked for everyone
 * else; all null, with `erased: true`, once the retention sweep erased them (README "Retention").
 */
export function personalData(row: Pick<CandidateEntity, 'idNumberCipher' | 'mobileCipher' | 'homeAddressCipher' | 'erasedAt'>, claims: TokenClaims, pii: PiiCipher) {
  const clear = seesClearPii(claims.role);
  const idNumber = row.idNumberCipher ? pii.decrypt(row.idNumberCipher) : null;
  const mobile = row.mobileCipher ? pii.decrypt(row.mobileCipher) : null;
  const homeAddress = row.homeAddressCipher ? pii.decrypt(row.homeAddressCipher) : null;
  return {
    idNumber: idNumber && (clear ? idNumber : maskIdNumber(idNumber)),
    mobile: mobile && (clear ? mobile : maskMobile(mobile)),
    homeAddress: homeAddress && (clear ? homeAddress : maskAddress(homeAddress)),
    erased: Boolean(row.erasedAt),
  };
}

/**
 * The form as the caller may see it. Beside a masked ID number, the full birth date (and the sex)
 * would give back the digits the mask hides: roles that see the number masked get the birth year only.
 */
export function visibleForm(form: Record<string, any> | null, claims: TokenClaims): Record<string, any> | null {
  if (!form || SEES_CLEAR_PII.has(claims.role) || !form.birthDate) return form;
  const { birthDate, ...rest } = form;
  return { ...rest, birthYear: Number(String(birthDate).slice(0, 4)) };
}

/** Whether the signed consent (PIPL art. 29) is on the file: shown beside the pre-checks made at nomination. */
export function consentPrecheck(row: Pick<CandidateEntity, 'consentDocumentId'>): PrecheckResult {
  return row.consentDocumentId
    ? { check: 'consent_document', passed: true, detail: 'the signed consent is attached' }
    : { check: 'consent_document', passed: false, detail: "the candidate's signed consent is not attached yet (attachment kind: consent)" };
}

/** The panel's progress in numbers: what every role may know without learning who the experts are. */
export interface PanelSummary {
  /** Seats taking part: assigned or scored. */
  seated: number;
  scored: number;
  recused: number;
  /** Experts who declared a conflict of interest and left. */
  conflicts: number;
}

export function panelSummary(panel: PanelSeatState[]): PanelSummary {
  const count = (...statuses: PanelSeatState['status'][]) => panel.filter((s) => statuses.includes(s.status)).length;
  return { seated: count('assigned', 'scored'), scored: count('scored'), recused: count('recused'), conflicts: count('conflict') };
}

/**
 * The seats a caller may see one by one: all of them for the office and auditors; an expert only
 * their own seat, so no expert is swayed by another's marks or learns who else sits; nobody else any.
 */
export function visibleSeats(panel: PanelSeatState[], claims: TokenClaims): PanelSeatState[] {
  if (SEES_PANEL.has(claims.role)) return panel.map((s) => ({ ...s }));
  if (claims.role === 'expert') return panel.filter((s) => s.userId === claims.sub).map((s) => ({ ...s }));
  return [];
}

/**
 * What a caller sees of a file — the one view for `GET /candidates/:id` and for every action's reply.
 * Fields of the workflow's state are listed one by one rather than spread, so a field added to the
 * state later stays private until someone decides who may see it. `linked`: the competition result a
 * competition-channel file rests on, for its pre-check.
 */
export function candidateView(row: CandidateEntity, state: CandidateStateV2, claims: TokenClaims, pii: PiiCipher, linked: LinkedResult | null = null) {
  return {
    candidateId: state.candidateId,
    channel: state.channel,
    stage: state.stage,
    status: state.status,
    stageEnteredAt: state.stageEnteredAt,
    dueAt: state.dueAt,
    publicNoticeEndsAt: state.publicNoticeEndsAt,
    decisions: state.decisions,
    resubmissions: state.resubmissions,
    prechecks: state.channel === 'imported' ? state.prechecks : [...state.prechecks, consentPrecheck(row), ...competitionPrecheck(row, linked)],
    conditions: state.conditions,
    panel: visibleSeats(state.panel, claims),
    panelSummary: panelSummary(state.panel),
    expertScore: state.expertScore,
    alerts: state.alerts,
    closure: state.closure,
    commendedAt: state.commendedAt,
    departure: state.departure,
    departureCorrections: state.departureCorrections ?? [],
    payments: state.payments,
    version: state.version,
    workflowId: row.workflowId,
    roundId: row.roundId,
    name: row.name,
    ...personalData(row, claims, pii),
    bankAccount: bankAccountView(row, pii),
    employer: row.employer,
    industry: row.industry,
    trade: row.trade,
    yearsOfWork: row.yearsOfWork,
    skillLevel: row.skillLevel,
    area: row.area,
    form: visibleForm(row.form, claims),
    formVersion: row.version,
    inspectionBatchId: row.inspectionBatchId,
    competitionResultId: row.competitionResultId,
    nominatedAt: row.createdAt.toISOString(),
  };
}

export type CandidateView = ReturnType<typeof candidateView>;
