import { defineUpdate } from '@temporalio/workflow';
import type { CandidateStateV2 } from '../candidate/messages';
import type { Actor } from '../roles';

/**
 * The master's payment schedule: the bonus at commendation and the monthly living subsidy. It runs
 * under the candidate's workflow ID, as the continuation of the file's last run, so the master keeps
 * one workflow for life while each run stays short.
 */
export const PAYMENT_SCHEDULE_WORKFLOW = 'paymentScheduleWorkflow';

/**
 * Version 2 of the schedule, a workflow type of its own (version by name; v1 is frozen): it
 * continues-as-new after each instalment, stays open after a departure until the end of its term so
 * the departure can be corrected, and cancels or flags for recovery what a late departure left behind.
 */
export const PAYMENT_SCHEDULE_V2_WORKFLOW = 'paymentScheduleV2Workflow';

/** Marks v1 schedules that handed over to v2 at their next instalment or departure. */
export const HAND_OVER_TO_SCHEDULE_V2_PATCH = 'hand-over-to-schedule-v2';

/**
 * Marks v2 schedules that write their terms and departure to `payment_schedules` (for finance's
 * forecast): at the start of each run, after each departure change and at the finish.
 */
export const RECORD_SCHEDULE_PATCH = 'record-schedule';

/** The amounts and the number of months, fixed when the candidacy started: later settings cannot move money already promised. */
export interface PaymentTermsV1 {
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
}

/** V2 adds the due day; absent in schedules promised the 1st of the month before it was a setting. */
export interface PaymentTermsV2 extends PaymentTermsV1 {
  subsidyDueDay?: number;
}

export interface PaymentScheduleInputV1 {
  candidateId: string;
  roundId: string | null;
  commendedAt: string; // ISO instant
  terms: PaymentTermsV1;
  /** The file as it stood at commendation, with the payments made so far: what the API shows of the master. */
  file: CandidateStateV2;
  /** The status projection's last sequence number, so this run's reports sort after the file's. */
  projectionSeq: number;
}

export interface PaymentScheduleInputV2 extends PaymentScheduleInputV1 {
  terms: PaymentTermsV2;
  /**
   * The departure date whose effects the finance inbox already holds (null: none). Absent when the
   * file or a v1 schedule hands over, so a departure they took is settled by the first v2 run.
   */
  settledLeftOn?: string | null;
  /** Set on the first run of a master named on paper before the service existed; the schedule itself ignores it. */
  origin?: ScheduleOriginV1;
}

/**
 * A schedule started by the import of a master named on paper (POST /masters/import): who imported
 * the records and when, for the history. The paper payments are in the input's `file.payments`.
 */
export interface ScheduleOriginV1 {
  kind: 'paper_import';
  roundYear: number;
  actor: Actor;
  at: string; // ISO instant
}

export interface DepartureRequestV1 {
  leftOn: string; // YYYY-MM-DD, Asia/Shanghai
  reason: string;
  actor: Actor;
}

/** The office corrects a departure: another date, or null when it was recorded by mistake. */
export interface DepartureCorrectionV1 {
  leftOn: string | null;
  reason: string;
  actor: Actor;
}

/** Taken by the payment schedule (and, for its files, by the frozen walking-skeleton workflow). */
export const recordDepartureUpdate = defineUpdate<CandidateStateV2, [DepartureRequestV1]>('recordDeparture');
export const correctDepartureUpdate = defineUpdate<CandidateStateV2, [DepartureCorrectionV1]>('correctDeparture');
