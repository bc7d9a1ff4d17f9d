import { defineUpdate } from '@temporalio/workflow';
import type { CandidateStateV2 } from '../candidate/messages';
import type { Actor } from '../roles';

/**
 * The master's payment schedule: the bonus at commendation and the monthly living subsidy. It runs
 * under the candidate's workflow ID, as the continuation of the file's last run, so the master keeps
 * one workflow for life while each run stays short.
 */
export const PAYMENT_SCHEDULE_WORKFLOW = 'paymentScheduleWorkflow';

/** The amounts and the number of months, fixed when the candidacy started: later settings cannot move money already promised. */
export interface PaymentTermsV1 {
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
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

export interface DepartureRequestV1 {
  leftOn: string; // YYYY-MM-DD, Asia/Shanghai
  reason: string;
  actor: Actor;
}

/** Taken by the payment schedule (and, for its files, by the frozen walking-skeleton workflow). */
export const recordDepartureUpdate = defineUpdate<CandidateStateV2, [DepartureRequestV1]>('recordDeparture');
