import { FailureType } from './failures';
import type { CandidateStateV1, CandidateStateV2, CandidateStatus, DecisionRequestV1, DecisionRequestV2 } from './candidate/messages';
import { isRole, type Role } from './roles';
import { isDecisionStage, OUTCOMES, STAGE_OWNER, type DecisionStage } from './stages';

/** Statuses after which the file takes no more decisions. */
export const CLOSED_STATUSES: readonly CandidateStatus[] = [
  'rejected',
  'completed',
  'subsidy_stopped',
  'withdrawn',
  'disqualified',
  'not_shortlisted',
  'left_out',
  'not_approved',
];
export const isClosedStatus = (status: CandidateStatus) => CLOSED_STATUSES.includes(status);

export interface Refusal {
  type: FailureType;
  message: string;
}

/** The rule for a stage decision, shared by the API (early 403) and the workflow's Update validator. */
export function refuseDecision(state: CandidateStateV1, req: DecisionRequestV1): Refusal | null {
  if (!isDecisionStage(req.stage)) {
    return { type: FailureType.InvalidRequest, message: `stage '${String(req.stage)}' takes no decision` };
  }
  if (!(OUTCOMES as readonly string[]).includes(req.outcome)) {
    return { type: FailureType.InvalidRequest, message: `outcome must be one of ${OUTCOMES.join(', ')}` };
  }
  if (typeof req.reason !== 'string' || req.reason.trim() === '') {
    return { type: FailureType.InvalidRequest, message: 'reason is required for every decision' };
  }
  const roleRefusal = refuseRole(req.stage, req.actor?.role);
  if (roleRefusal) return roleRefusal;
  if (isClosedStatus(state.status)) {
    return { type: FailureType.CandidateClosed, message: `the candidacy is ${state.status}; no decision can be taken` };
  }
  if (state.stage !== req.stage) {
    return {
      type: FailureType.WrongStage,
      message: `the candidate is at stage '${state.stage}', not '${req.stage}'`,
    };
  }
  if (state.status === 'returned') {
    return {
      type: FailureType.NotAwaitingDecision,
      message: `the file was returned to its submitter for more material; stage '${state.stage}' resumes when it is resubmitted`,
    };
  }
  return null;
}

export function refuseRole(stage: DecisionStage | string, role: unknown): Refusal | null {
  if (!isRole(role)) return { type: FailureType.WrongRole, message: 'no role' };
  const owner = isDecisionStage(stage) ? STAGE_OWNER[stage] : undefined;
  if (owner !== role) {
    return {
      type: FailureType.WrongRole,
      message: `role '${role as Role}' does not decide stage '${stage}'; it belongs to '${owner ?? 'nobody'}'`,
    };
  }
  return null;
}

/** Rules the in-depth review adds to a stage decision (the shared rules have already passed). */
export function refuseReviewDecision(state: CandidateStateV2, req: DecisionRequestV2): Refusal | null {
  if (req.stage === 'expert_review') {
    return {
      type: FailureType.NotAwaitingDecision,
      message: 'expert review takes no decision: it completes when every seated expert has scored',
    };
  }
  if (req.stage === 'qualification' && req.outcome === 'approve' && !req.overridePrechecks) {
    const failed = state.prechecks.filter((p) => !p.passed);
    if (failed.length) {
      return {
        type: FailureType.InvalidRequest,
        message: `pre-checks failed (${failed.map((p) => `${p.check}: ${p.detail}`).join('; ')}); approving needs overridePrechecks: true and a reason`,
      };
    }
  }
  if (req.stage === 'inspection' && req.outcome !== 'return' && !req.visit) {
    return { type: FailureType.InvalidRequest, message: 'an inspection conclusion records the visit (date, place, members, findings)' };
  }
  return null;
}
