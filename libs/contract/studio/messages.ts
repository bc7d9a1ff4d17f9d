import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../roles';

/**
 * Where a studio application stands: `applied` (awaiting the office's screening), `returned` (with
 * its applicant for more material), `screened` (passed, awaiting the leadership group's approval of
 * the batch), `named` (approved: named, its grant instructed), or closed — `rejected` at screening,
 * `not_approved` by the leadership group, `withdrawn` by its applicant or the office.
 */
export const STUDIO_STATUSES = ['applied', 'returned', 'screened', 'named', 'rejected', 'not_approved', 'withdrawn'] as const;
export type StudioStatus = (typeof STUDIO_STATUSES)[number];
export type StudioClosure = 'rejected' | 'not_approved' | 'withdrawn';
export const CLOSED_STUDIO_STATUSES: readonly StudioStatus[] = ['rejected', 'not_approved', 'withdrawn'];

/**
 * What the studio's workflow starts with: ids and the batch's creation standard only. The studio's
 * name, premises and plan and its apprentices (people) stay in PostgreSQL.
 */
export interface StudioInputV1 {
  studioId: string;
  batchId: string;
  /** The candidate id of the named master the studio is named after. */
  masterId: string;
  /** The batch's creation standard (创建标准): each screening checks every one, with evidence. */
  criteria: string[];
  /** The grant (3,000,000 fen by default), fixed when the application is filed. */
  grantFen: number;
  /** Who applied: the master's nominating unit, or the programme office on their behalf. */
  submittedBy: Actor;
}

export interface CriterionCheckV1 {
  criterion: string;
  met: boolean;
  evidence: string;
}

export type ScreeningOutcome = 'pass' | 'fail' | 'return';

/** The office's screening against the creation standard: pass, fail (rejected) or return for more material. */
export interface ScreeningV1 {
  outcome: ScreeningOutcome;
  criteria: CriterionCheckV1[];
  reason: string;
  actor: Actor;
}

/** A returned application sent back to screening, with what was added. */
export interface StudioResubmissionV1 {
  note: string;
  actor: Actor;
}

export interface StudioWithdrawalV1 {
  reason: string;
  actor: Actor;
}

/**
 * The leadership group's decision on this studio, part of one batch approval (`approvalId`): the
 * same approval sent again (a retry after a failure mid-batch) is answered, not refused.
 */
export interface StudioApprovalV1 {
  approvalId: string;
  approved: boolean;
  reason: string | null;
  actor: Actor;
}

/** The grant's payment instruction, created once. */
export interface StudioGrantV1 {
  taskId: string;
  amountFen: number;
  dueOn: string; // YYYY-MM-DD, Asia/Shanghai: the naming date
}

export interface StudioStateV1 {
  studioId: string;
  batchId: string;
  masterId: string;
  status: StudioStatus;
  appliedAt: string;
  screenings: Array<ScreeningV1 & { at: string }>;
  resubmissions: Array<StudioResubmissionV1 & { at: string }>;
  approval: (StudioApprovalV1 & { at: string }) | null;
  /** The naming date (命名), Asia/Shanghai: the day the leadership group approved it. */
  namedOn: string | null;
  grant: StudioGrantV1 | null;
  closure: { kind: StudioClosure; reason: string; actor: Actor; at: string } | null;
}

export function initialStudioState(input: StudioInputV1, now: string): StudioStateV1 {
  const { studioId, batchId, masterId } = input;
  return { studioId, batchId, masterId, status: 'applied', appliedAt: now, screenings: [], resubmissions: [], approval: null, namedOn: null, grant: null, closure: null };
}

export const studioStateQuery = defineQuery<StudioStateV1>('studioState');
export const screenStudioUpdate = defineUpdate<StudioStateV1, [ScreeningV1]>('screenStudio');
export const resubmitStudioUpdate = defineUpdate<StudioStateV1, [StudioResubmissionV1]>('resubmitStudio');
export const withdrawStudioUpdate = defineUpdate<StudioStateV1, [StudioWithdrawalV1]>('withdrawStudio');
export const decideStudioUpdate = defineUpdate<StudioStateV1, [StudioApprovalV1]>('decideStudio');
