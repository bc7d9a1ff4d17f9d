import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Actor } from './roles';
import type { Channel, DecisionStage, Outcome, Phase, Stage } from './stages';

/**
 * The message contract shared by the API, the worker and the workflows. A payload that changes
 * shape gets a new version (`V2`) beside the old one: running workflows hold the old shape for years.
 */
export const TASK_QUEUE = 'candidates';
export const CANDIDATE_WORKFLOW = 'candidateWorkflow';

/** Workflow IDs carry the candidate's opaque id only — never an ID number, phone or address. */
export function candidateWorkflowId(candidateId: string): string {
  return `candidate-${candidateId}`;
}

/** Product decisions fixed when the candidacy starts, so a later change of settings cannot move money already promised. */
export interface ProgrammeSettingsV1 {
  publicNoticeMs: number; // 7 days by default
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
}

export interface CandidateInputV1 {
  candidateId: string;
  roundId: string | null;
  channel: Channel;
  submittedBy: Actor;
  settings: ProgrammeSettingsV1;
}

export interface DecisionRequestV1 {
  stage: DecisionStage;
  outcome: Outcome;
  reason: string;
  actor: Actor;
}

export interface DecisionRecord extends DecisionRequestV1 {
  at: string; // ISO instant
}

export interface ResubmissionRequestV1 {
  note: string;
  actor: Actor;
}

export interface DepartureRequestV1 {
  leftOn: string; // YYYY-MM-DD, Asia/Shanghai
  reason: string;
  actor: Actor;
}

export type CandidateStatus =
  | 'awaiting_decision'
  | 'returned' // back with its submitter for more material
  | 'in_public_notice'
  | 'paying'
  | 'rejected'
  | 'completed'
  | 'subsidy_stopped';

export interface PaymentRecord {
  kind: 'bonus' | 'subsidy';
  instalment: number; // 0 for the bonus, 1..N for subsidies
  amountFen: number;
  dueOn: string; // YYYY-MM-DD
  taskId: string;
}

export interface CandidateStateV1 {
  candidateId: string;
  channel: Channel;
  stage: Stage | Phase;
  status: CandidateStatus;
  stageEnteredAt: string;
  publicNoticeEndsAt: string | null;
  decisions: DecisionRecord[];
  resubmissions: Array<{ stage: Stage; note: string; actor: Actor; at: string }>;
  commendedAt: string | null;
  departure: { leftOn: string; reason: string; actor: Actor; at: string } | null;
  payments: PaymentRecord[];
}

export const decideUpdate = defineUpdate<CandidateStateV1, [DecisionRequestV1]>('decide');
export const resubmitUpdate = defineUpdate<CandidateStateV1, [ResubmissionRequestV1]>('resubmit');
export const recordDepartureUpdate = defineUpdate<CandidateStateV1, [DepartureRequestV1]>('recordDeparture');
export const stateQuery = defineQuery<CandidateStateV1>('state');

/** Search attributes: registered on the namespace at boot; they let staff list candidates by stage. */
export const SA_STAGE = defineSearchAttributeKey('CandidateStage', 'KEYWORD');
export const SA_STATUS = defineSearchAttributeKey('CandidateStatus', 'KEYWORD');
export const SA_ROUND = defineSearchAttributeKey('RoundId', 'KEYWORD');
export const SEARCH_ATTRIBUTES = [SA_STAGE, SA_STATUS, SA_ROUND];
