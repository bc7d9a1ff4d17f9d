import type { CandidateStatus } from './candidate/messages';

/**
 * Retention of the sensitive personal data of candidates not named (PIPL art. 19: kept no longer than
 * the purpose needs). A file that ended without commendation keeps its ids, decisions and audit trail;
 * after the retention period its ID number, mobile, home address (and any bank account) are erased.
 */

/** Closed statuses of a file that was never commended. `completed` and `subsidy_stopped` are masters: kept. */
export const NOT_NAMED_STATUSES: readonly CandidateStatus[] = ['rejected', 'withdrawn', 'disqualified', 'not_shortlisted', 'left_out', 'not_approved'];

export const RETENTION_SWEEP_WORKFLOW = 'retentionSweepWorkflow';

/** The daily sweep's Schedule, one per task queue (production has one queue, so one Schedule). */
export function retentionScheduleId(taskQueue: string): string {
  return `pii-retention-sweep:${taskQueue}`;
}

/** What one batch of the sweep did: ids only, nothing personal in Temporal. */
export interface RetentionBatchV1 {
  /** Files erased in this batch. */
  erased: string[];
  /** Whether another batch may find more. */
  more: boolean;
}

export interface RetentionSweepResultV1 {
  erased: number;
  batches: number;
}
