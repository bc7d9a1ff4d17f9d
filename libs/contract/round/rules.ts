import type { Refusal } from '../decision-rules';
import { FailureType } from '../failures';
import type { Actor, Role } from '../roles';
import type {
  ApprovalV1,
  CeremonyV1,
  FormalListV1,
  FormalListV2,
  ObjectionFiledV1,
  ObjectionResolutionV1,
  OpenVotingV1,
  PhaseChangeV1,
  ReReviewListV1,
  RoundEntryV2,
  RoundPhase,
  RoundStateV2,
  StartNoticeV1,
} from './messages';

/**
 * The rules of the round's actions, pure so the API, the workflow's validators and unit tests share
 * them. Each returns the first problem, or null.
 */
const refuse = (type: FailureType, message: string): Refusal => ({ type, message });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function onlyRole(actor: Actor | undefined, role: Role, what: string): Refusal | null {
  return actor?.role === role ? null : refuse(FailureType.WrongRole, `only the ${ROLE_NAME[role] ?? role} ${what}`);
}
const ROLE_NAME: Partial<Record<Role, string>> = { union_office: 'programme office', leadership: 'leadership group', government: 'district government' };

function inPhase(state: RoundStateV2, phase: RoundPhase, what: string): Refusal | null {
  return state.phase === phase ? null : refuse(FailureType.WrongPhase, `the ${state.year} round is in phase '${state.phase}'; ${what} needs phase '${phase}'`);
}

function needReason(reason: string | undefined): Refusal | null {
  return reason?.trim() ? null : refuse(FailureType.InvalidRequest, 'reason is required');
}

function instant(value: string | undefined, field: string): Refusal | null {
  return value === undefined || !Number.isNaN(Date.parse(value)) ? null : refuse(FailureType.InvalidRequest, `${field} must be an ISO 8601 instant`);
}

/** The candidates still standing on the list: not left out, disqualified or withdrawn. */
export function standing(state: RoundStateV2, outcome: RoundEntryV2['outcome'] = null): RoundEntryV2[] {
  return state.entries.filter((e) => e.outcome === outcome);
}

/** The end of the window the current phase runs in, or null if the phase has none. */
export function phaseWindowEnd(state: RoundStateV2): string | null {
  const w = state.windows;
  const ends: Partial<Record<RoundPhase, string | null>> = {
    nominating: w.nominationClosesAt,
    reviewing: w.reviewClosesAt,
    voting: w.votingClosesAt,
    public_notice: w.noticeEndsAt,
  };
  return ends[state.phase] ?? null;
}

export function refusePhaseChange(state: RoundStateV2, req: PhaseChangeV1, nowMs: number): Refusal | null {
  const basic = onlyRole(req.actor, 'union_office', 'closes or extends a phase') ?? needReason(req.reason) ?? instant(req.until, 'until');
  if (basic) return basic;
  const end = phaseWindowEnd(state);
  if (!end) return refuse(FailureType.WrongPhase, `phase '${state.phase}' has no window to close or extend`);
  if (req.action === 'close') {
    if (state.phase === 'reviewing')
      return refuse(FailureType.WrongPhase, 'the review ends when the office freezes the re-review list (POST /rounds/:id/re-review-list)');
    if (state.phase === 'public_notice') return refuse(FailureType.WrongPhase, 'the public notice runs its full period; it can be extended, not cut short');
    return null;
  }
  if (req.action !== 'extend') return refuse(FailureType.InvalidRequest, "action must be 'close' or 'extend'");
  if (!req.until) return refuse(FailureType.InvalidRequest, 'until is required to extend a phase');
  if (Date.parse(req.until) <= Math.max(Date.parse(end), nowMs)) {
    return refuse(FailureType.InvalidRequest, `until must be later than the current end of '${state.phase}' (${end}) and than now`);
  }
  return null;
}

export function refuseReReviewList(state: RoundStateV2, req: ReReviewListV1): Refusal | null {
  return (
    onlyRole(req.actor, 'union_office', 'freezes the re-review list') ??
    needReason(req.reason) ??
    (req.size !== undefined && (!Number.isInteger(req.size) || req.size < 1) ? refuse(FailureType.InvalidRequest, 'size must be a whole number of at least 1') : null) ??
    inPhase(state, 'reviewing', 'freezing the re-review list')
  );
}

export function refuseOpenVoting(state: RoundStateV2, req: OpenVotingV1, nowMs: number): Refusal | null {
  const basic =
    onlyRole(req.actor, 'union_office', 'opens the online vote') ??
    needReason(req.reason) ??
    instant(req.closesAt, 'closesAt') ??
    inPhase(state, 're_review_list', 'opening the vote');
  if (basic) return basic;
  if (req.closesAt && Date.parse(req.closesAt) <= nowMs) return refuse(FailureType.InvalidRequest, 'closesAt must be in the future');
  if (!standing(state).length) return refuse(FailureType.WrongPhase, 'the re-review list is empty: there is nobody to vote for');
  return null;
}

/** The formal candidate list (正式候选名单): every candidate still standing selected or left out with a reason, within the quota. */
export function refuseFormalList(state: RoundStateV2, req: FormalListV1): Refusal | null {
  const named = [...req.selected, ...req.leftOut];
  const missingReason = named.find((e) => !e.reason?.trim());
  return (
    formalListActor(state, req.actor) ??
    (missingReason ? refuse(FailureType.InvalidRequest, `a reason is required for candidate ${missingReason.candidateId}`) : null) ??
    formalListCoverage(
      state,
      named.map((e) => e.candidateId),
      req.selected.length,
    )
  );
}

/** The same list by ids, its reasons stored by the API under `reasonsId` (which the API has already checked). */
export function refuseFormalListV2(state: RoundStateV2, req: FormalListV2): Refusal | null {
  return (
    formalListActor(state, req.actor) ??
    (typeof req.reasonsId === 'string' && req.reasonsId ? null : refuse(FailureType.InvalidRequest, 'reasonsId is required: the reasons are stored first')) ??
    formalListCoverage(state, [...req.selected, ...req.leftOut], req.selected.length)
  );
}

function formalListActor(state: RoundStateV2, actor: Actor): Refusal | null {
  return onlyRole(actor, 'leadership', 'approves the formal candidate list') ?? inPhase(state, 'leadership_review', 'the formal candidate list');
}

function formalListCoverage(state: RoundStateV2, ids: string[], selected: number): Refusal | null {
  return (
    coverage(state, ids, 'selected or left out') ??
    (selected > state.quota ? refuse(FailureType.Unprocessable, `${selected} selected exceeds the round's quota of ${state.quota}`) : null)
  );
}

/** Every standing candidate named exactly once, and nobody else. */
function coverage(state: RoundStateV2, ids: string[], what: string, outcome: RoundEntryV2['outcome'] = null): Refusal | null {
  const open = new Set(standing(state, outcome).map((e) => e.candidateId));
  const seen = new Set<string>();
  const twice = ids.find((id) => seen.size === seen.add(id).size);
  if (twice) return refuse(FailureType.Unprocessable, `candidate ${twice} is named twice`);
  const unknown = ids.filter((id) => !open.has(id));
  if (unknown.length) return refuse(FailureType.Unprocessable, `not on the list awaiting this decision: ${unknown.join(', ')}`);
  const missing = [...open].filter((id) => !seen.has(id));
  if (missing.length) return refuse(FailureType.Unprocessable, `every candidate must be ${what}; missing: ${missing.join(', ')}`);
  return null;
}

export function refuseStartNotice(state: RoundStateV2, req: StartNoticeV1): Refusal | null {
  return (
    onlyRole(req.actor, 'union_office', 'starts the public notice') ??
    needReason(req.reason) ??
    inPhase(state, 'leadership_review', 'starting the public notice') ??
    (state.entries.some((e) => e.outcome === 'selected') ? null : refuse(FailureType.WrongPhase, 'the leadership group has yet to approve the formal candidate list'))
  );
}

export function refuseObjection(state: RoundStateV2, req: ObjectionFiledV1, nowMs: number): Refusal | null {
  const w = state.windows;
  if (state.phase !== 'public_notice' || !w.noticeEndsAt || nowMs >= Date.parse(w.noticeEndsAt)) {
    return refuse(FailureType.WrongPhase, `objections are taken only during the public notice${w.noticeEndsAt ? ` (until ${w.noticeEndsAt})` : ''}`);
  }
  if (!state.entries.some((e) => e.candidateId === req.candidateId && e.outcome === 'selected')) {
    return refuse(FailureType.Unprocessable, 'the candidate is not on the public notice');
  }
  if (state.objections.some((o) => o.objectionId === req.objectionId)) return refuse(FailureType.InvalidRequest, 'objection already filed');
  return null;
}

export function refuseResolution(state: RoundStateV2, req: ObjectionResolutionV1): Refusal | null {
  const basic = onlyRole(req.actor, 'union_office', 'resolves an objection') ?? needReason(req.reason);
  if (basic) return basic;
  if (req.outcome !== 'upheld' && req.outcome !== 'dismissed') return refuse(FailureType.InvalidRequest, "outcome must be 'upheld' or 'dismissed'");
  const objection = state.objections.find((o) => o.objectionId === req.objectionId);
  if (!objection) return refuse(FailureType.InvalidRequest, `no objection ${req.objectionId} in this round`);
  if (objection.status !== 'open') return refuse(FailureType.NotAwaitingDecision, `the objection was already ${objection.status}`);
  return null;
}

export function refuseApproval(state: RoundStateV2, req: ApprovalV1): Refusal | null {
  const basic = onlyRole(req.actor, 'government', 'approves the list') ?? inPhase(state, 'government_approval', 'the approval');
  if (basic) return basic;
  const missingReason = req.notApproved.find((e) => !e.reason?.trim());
  if (missingReason) return refuse(FailureType.InvalidRequest, `a reason is required for candidate ${missingReason.candidateId}`);
  return coverage(state, [...req.approved, ...req.notApproved.map((e) => e.candidateId)], 'approved or not approved', 'selected');
}

export function refuseCeremony(state: RoundStateV2, req: CeremonyV1): Refusal | null {
  const basic = onlyRole(req.actor, 'union_office', 'records the ceremony') ?? needReason(req.reason) ?? inPhase(state, 'commendation', 'the ceremony');
  if (basic) return basic;
  if (!DATE.test(req.date ?? '') || Number.isNaN(Date.parse(req.date))) return refuse(FailureType.InvalidRequest, 'date must be a real date YYYY-MM-DD');
  if (state.ceremony) return refuse(FailureType.NotAwaitingDecision, `the ceremony is already set for ${state.ceremony.date}`);
  return null;
}
