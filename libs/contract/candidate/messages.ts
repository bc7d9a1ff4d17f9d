import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ClosingRequestV1,
  Condition,
  ConflictDeclarationV1,
  InspectionVisit,
  PanelAssignmentV1,
  PanelSeatState,
  PrecheckResult,
  ReviewPlanV1,
  ScoreSubmissionV1,
  StageAlert,
} from '../review';
import type { Actor } from '../roles';
import { stagesFor, type Channel, type FileChannel, type DecisionStage, type Outcome, type Phase, type Stage } from '../stages';

/**
 * The candidate file's message contract, shared by the API, the worker and the workflows. A payload
 * that changes shape gets a new version (`V2`) beside the old one: running workflows hold the old
 * shape for years.
 */

/** Product decisions fixed when the candidacy starts, so a later change of settings cannot move money already promised. */
export interface ProgrammeSettingsV1 {
  publicNoticeMs: number; // 7 days by default
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
  /** Day of the month the subsidy falls due; absent in files nominated before it was a setting, which keep the 1st. */
  subsidyDueDay?: number;
}

export interface CandidateInputV1 {
  candidateId: string;
  roundId: string | null;
  channel: Channel;
  submittedBy: Actor;
  settings: ProgrammeSettingsV1;
}

/** V2 adds the review plan: deadlines, pre-checks, conditions claimed, panel size. */
export interface CandidateInputV2 extends CandidateInputV1 {
  review: ReviewPlanV1;
  /** The round workflow that decides voting to commendation for the whole cohort; absent for files in no round. */
  roundWorkflowId?: string;
}

/** How a candidacy ends before commendation: by its own side or the office, or by its round's decisions. */
export type ClosureKind = 'withdrawn' | 'disqualified' | 'not_shortlisted' | 'left_out' | 'not_approved';

export interface DecisionRequestV1 {
  stage: DecisionStage;
  outcome: Outcome;
  reason: string;
  actor: Actor;
}

/** V2: approving over a failed pre-check must say so; a return lists what is missing; inspection records the visit. */
export interface DecisionRequestV2 extends DecisionRequestV1 {
  overridePrechecks?: boolean;
  missing?: string[];
  visit?: InspectionVisit;
}

export interface DecisionRecord extends DecisionRequestV2 {
  at: string; // ISO instant
}

export interface ResubmissionRequestV1 {
  note: string;
  actor: Actor;
}

/** V2: the resubmitted form's version, and the pre-checks and conditions recomputed from it. */
export interface ResubmissionRequestV2 extends ResubmissionRequestV1 {
  version?: number;
  prechecks?: PrecheckResult[];
  conditions?: Condition[];
}

export type CandidateStatus =
  | 'awaiting_decision'
  | 'returned' // back with its submitter for more material
  | 'in_public_notice'
  | 'paying'
  | 'rejected'
  | 'completed'
  | 'subsidy_stopped'
  | 'awaiting_panel' // expert review: the programme office has yet to seat enough experts
  | 'scoring' // expert review: experts are scoring
  | 'withdrawn'
  | 'disqualified'
  | 'awaiting_round' // the file waits for its round's decision for the whole cohort
  | 'not_shortlisted' // still in an individual stage when the re-review list was frozen
  | 'left_out' // not on the formal candidate list
  | 'not_approved'; // not approved by the district government

export interface PaymentRecord {
  kind: 'bonus' | 'subsidy';
  instalment: number; // 0 for the bonus, 1..N for subsidies
  amountFen: number;
  dueOn: string; // YYYY-MM-DD
  taskId: string;
}

export interface CandidateStateV1 {
  candidateId: string;
  channel: FileChannel;
  stage: Stage | Phase;
  status: CandidateStatus;
  stageEnteredAt: string;
  publicNoticeEndsAt: string | null;
  decisions: DecisionRecord[];
  resubmissions: Array<{ stage: Stage; note: string; actor: Actor; at: string; version?: number }>;
  commendedAt: string | null;
  departure: DepartureRecord | null;
  payments: PaymentRecord[];
}

/** The master left Ouhai to work elsewhere (离开瓯海工作): no subsidy instalment falls due on or after `leftOn`. */
export interface DepartureRecord {
  leftOn: string; // YYYY-MM-DD, Asia/Shanghai: the first day away
  reason: string;
  actor: Actor;
  at: string;
  /**
   * What the departure did to instructions already created, as the finance inbox answered (payment
   * schedule v2): instalments cancelled unpaid, and instalments already paid, flagged for recovery (追回).
   */
  cancelled?: number[];
  recovery?: number[];
}

/** A departure corrected by the office: a wrong date (`to` another date) or recorded by mistake (`to` null). */
export interface DepartureCorrectionRecord {
  from: string;
  to: string | null;
  reason: string;
  actor: Actor;
  at: string;
}

/** V2 state: what the in-depth review adds. Every V1 field keeps its meaning. */
export interface CandidateStateV2 extends CandidateStateV1 {
  dueAt: string | null; // the current stage's due instant
  prechecks: PrecheckResult[];
  conditions: Condition[];
  panel: PanelSeatState[];
  expertScore: { scoreCenti: number; counted: number; dropped: number } | null;
  alerts: StageAlert[];
  closure: { kind: ClosureKind; reason: string; actor: Actor; at: string } | null;
  version: number;
  /** Every correction of the departure, oldest first (payment schedule v2). */
  departureCorrections?: DepartureCorrectionRecord[];
}

// Handlers answer with the V2 state; a V1 history's workflow fills the V2 fields with their empty values.
export const decideUpdate = defineUpdate<CandidateStateV2, [DecisionRequestV2]>('decide');
export const resubmitUpdate = defineUpdate<CandidateStateV2, [ResubmissionRequestV2]>('resubmit');
export const assignPanelUpdate = defineUpdate<CandidateStateV2, [PanelAssignmentV1]>('assignPanel');
export const declareConflictUpdate = defineUpdate<CandidateStateV2, [ConflictDeclarationV1]>('declareConflict');
export const submitScoresUpdate = defineUpdate<CandidateStateV2, [ScoreSubmissionV1]>('submitScores');
export const withdrawUpdate = defineUpdate<CandidateStateV2, [ClosingRequestV1]>('withdraw');
export const disqualifyUpdate = defineUpdate<CandidateStateV2, [ClosingRequestV1]>('disqualify');
export const stateQuery = defineQuery<CandidateStateV2>('state');

/** Marks workflows started with the in-depth review (deadlines, panel, withdrawal, status projection). */
export const REVIEW_IN_DEPTH_PATCH = 'review-in-depth';

/** A candidacy as it stands when its workflow starts; tests build their fixtures from it too. */
export function initialCandidateState(input: CandidateInputV1 | CandidateInputV2, at: string): CandidateStateV2 {
  const plan = 'review' in input ? input.review : null;
  return {
    candidateId: input.candidateId,
    channel: input.channel,
    stage: stagesFor(input.channel)[0],
    status: 'awaiting_decision',
    stageEnteredAt: at,
    publicNoticeEndsAt: null,
    decisions: [],
    resubmissions: [],
    commendedAt: null,
    departure: null,
    payments: [],
    dueAt: null,
    prechecks: plan?.prechecks ?? [],
    conditions: plan?.conditions ?? [],
    panel: [],
    expertScore: null,
    alerts: [],
    closure: null,
    version: 1,
  };
}
