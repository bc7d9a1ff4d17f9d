import { defineSignal } from '@temporalio/workflow';
import type { Actor } from '../roles';

/**
 * The round's decisions about one of its files, sent by the round (through an activity, in
 * batches) as signals. `seq` grows with every decision the round sends, so a file applies each
 * once however often a retried batch delivers it.
 */
export type CohortStepV1 =
  | 'not_shortlisted' // still in an individual stage when the re-review list was frozen
  | 'shortlisted' // on the re-review list: votable
  | 'voting_closed' // with the leadership group
  | 'selected' // on the formal candidate list
  | 'left_out'
  | 'notice_started'
  | 'objection_upheld'
  | 'notice_closed' // with the district government
  | 'approved'
  | 'not_approved'
  | 'commended'; // effective at `at`, the ceremony

export interface CohortDecisionV1 {
  seq: number;
  step: CohortStepV1;
  at: string; // ISO instant the decision takes effect
  reason?: string;
  /** Who took the decision for the round (the office, the leadership group, the government). */
  actor?: Actor;
  /** Informational: rank on the re-review list, votes, end of the notice. */
  detail?: { rank?: number; votes?: number; noticeEndsAt?: string };
}

export const cohortDecisionSignal = defineSignal<[CohortDecisionV1]>('cohortDecision');

/** The stages the round decides for the files in it; a reviewer's decision there is refused. */
export const ROUND_DECIDED_STAGES = ['voting', 'leadership', 'public_notice', 'government_approval', 'commendation'] as const;
