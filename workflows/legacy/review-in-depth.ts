import { condition, setHandler, type ApplicationFailure } from '@temporalio/workflow';
import {
  FailureType,
  assignPanelUpdate,
  averageCenti,
  declareConflictUpdate,
  disqualifyUpdate,
  isClosedStatus,
  panelScoreCenti,
  refuseReviewDecision,
  submitScoresUpdate,
  withdrawUpdate,
  type CandidateInputV1,
  type CandidateStateV2,
  type CandidateStatus,
  type ClosingRequestV1,
  type PanelAssignmentV1,
  type ReviewPlanV1,
  type Stage,
  sameActor,
} from '../../libs/contract';

const DEFAULT_MIN_PANEL = 5;

/** The in-depth review's decision rules now live in the contract, shared with the candidate file. */
export const refuseInDepthDecision = refuseReviewDecision;

export interface ReviewContext {
  state: CandidateStateV2;
  input: CandidateInputV1;
  plan: ReviewPlanV1 | null;
  enter: (stage: CandidateStateV2['stage'], status: CandidateStatus) => void;
  changed: () => void;
  refusal: (type: FailureType, message: string) => ApplicationFailure;
  now: () => string;
}

/** The conditions each expert scores: those claimed, or one overall score if none were recorded. */
const scoreKeys = (state: CandidateStateV2) => (state.conditions.length ? [...state.conditions] : ['overall']);
const activeSeats = (state: CandidateStateV2) => state.panel.filter((s) => s.status === 'assigned' || s.status === 'scored');
const minPanel = (plan: ReviewPlanV1 | null) => plan?.minPanelSize ?? DEFAULT_MIN_PANEL;
/** Enough experts seated, and every one of them has scored. */
function panelComplete(state: CandidateStateV2, plan: ReviewPlanV1 | null): boolean {
  const seats = activeSeats(state);
  return seats.length >= minPanel(plan) && seats.every((s) => s.status === 'scored');
}

/** Update handlers of the in-depth review: the expert panel, withdrawal and disqualification. */
export function installReviewHandlers(ctx: ReviewContext): void {
  const { state, input, plan, refusal } = ctx;
  const atExpertReview = () => {
    if (isClosedStatus(state.status)) throw refusal(FailureType.CandidateClosed, `the candidacy is ${state.status}`);
    if (state.stage !== 'expert_review') {
      throw refusal(FailureType.WrongStage, `the candidate is at stage '${state.stage}' (${state.status}), not in expert review`);
    }
  };
  const seatOf = (userId: string) => state.panel.find((s) => s.userId === userId);
  const refreshPanelStatus = () => {
    const status = activeSeats(state).length >= minPanel(plan) ? 'scoring' : 'awaiting_panel';
    if (state.status !== status) ctx.enter('expert_review', status);
    else ctx.changed();
  };

  setHandler(
    assignPanelUpdate,
    (req: PanelAssignmentV1) => {
      for (const e of req.experts) {
        state.panel.push({
          userId: e.userId,
          status: e.recusedBecause ? 'recused' : 'assigned',
          ...(e.recusedBecause && { reason: e.recusedBecause }),
          at: ctx.now(),
        });
      }
      refreshPanelStatus();
      return state;
    },
    {
      validator: (req: PanelAssignmentV1) => {
        if (req.actor.role !== 'union_office') throw refusal(FailureType.WrongRole, 'only the programme office seats the expert panel');
        atExpertReview();
        const ids = req.experts.map((e) => e.userId);
        if (!ids.length) throw refusal(FailureType.InvalidRequest, 'name at least one expert');
        const dup = ids.find((id, i) => ids.indexOf(id) !== i || seatOf(id));
        if (dup) throw refusal(FailureType.InvalidRequest, `expert ${dup} is named twice or already on the panel`);
      },
    },
  );

  setHandler(
    declareConflictUpdate,
    (req) => {
      const seat = seatOf(req.actor.userId)!;
      Object.assign(seat, { status: 'conflict', reason: req.reason.trim(), at: ctx.now() });
      refreshPanelStatus();
      return state;
    },
    {
      validator: (req) => {
        if (req.actor.role !== 'expert') throw refusal(FailureType.WrongRole, 'only an expert declares a conflict of interest');
        atExpertReview();
        const seat = seatOf(req.actor.userId);
        if (!seat) throw refusal(FailureType.WrongRole, "you are not on this candidate's panel");
        if (seat.status !== 'assigned') throw refusal(FailureType.NotAwaitingDecision, `your seat is already ${seat.status}`);
        if (!req.reason?.trim()) throw refusal(FailureType.InvalidRequest, 'say what the conflict is');
      },
    },
  );

  setHandler(
    submitScoresUpdate,
    async (req) => {
      const seat = seatOf(req.actor.userId)!;
      const scores = Object.fromEntries(scoreKeys(state).map((k) => [k, req.scores[k]]));
      Object.assign(seat, { status: 'scored', scores, averageCenti: averageCenti(scores), at: ctx.now() });
      ctx.changed();
      // The last score completes the stage: reply once the main loop has moved on, with the panel's score.
      if (panelComplete(state, plan)) await condition(() => state.expertScore !== null || state.closure !== null);
      return state;
    },
    {
      validator: (req) => {
        if (req.actor.role !== 'expert') throw refusal(FailureType.WrongRole, 'only an expert scores');
        atExpertReview();
        const seat = seatOf(req.actor.userId);
        if (!seat) throw refusal(FailureType.WrongRole, "you are not on this candidate's panel");
        if (seat.status !== 'assigned') throw refusal(FailureType.NotAwaitingDecision, `your seat is ${seat.status}; scores are given once`);
        const keys = scoreKeys(state);
        const given = Object.keys(req.scores ?? {});
        const extra = given.filter((k) => !keys.includes(k));
        if (extra.length) throw refusal(FailureType.InvalidRequest, `the candidate claims no ${extra.join(', ')}; score ${keys.join(', ')}`);
        for (const k of keys) {
          const v = req.scores[k];
          if (!Number.isInteger(v) || v < 0 || v > 100) throw refusal(FailureType.InvalidRequest, `scores.${k} must be a whole number from 0 to 100`);
        }
      },
    },
  );

  const closing = (kind: 'withdrawn' | 'disqualified') => (req: ClosingRequestV1) => {
    state.closure = { kind, reason: req.reason.trim(), actor: req.actor, at: ctx.now() };
    ctx.enter(state.stage, kind);
    return state;
  };
  const openBeforeCommendation = () => {
    if (isClosedStatus(state.status) || state.stage === 'payments' || state.stage === 'closed') {
      throw refusal(FailureType.CandidateClosed, `too late: the candidacy is at '${state.stage}' (${state.status})`);
    }
  };
  const needReason = (req: ClosingRequestV1) => {
    if (!req.reason?.trim()) throw refusal(FailureType.InvalidRequest, 'a reason is required');
  };

  setHandler(withdrawUpdate, closing('withdrawn'), {
    validator: (req) => {
      // The candidate withdraws through the nominating side that filed the file, or the office records it for them.
      if (!sameActor(input.submittedBy, req.actor) && req.actor.role !== 'union_office') {
        throw refusal(FailureType.WrongRole, 'only the nominating unit or person who filed it, or the programme office, may withdraw a file');
      }
      needReason(req);
      openBeforeCommendation();
    },
  });

  setHandler(disqualifyUpdate, closing('disqualified'), {
    validator: (req) => {
      if (req.actor.role !== 'union_office') throw refusal(FailureType.WrongRole, 'only the programme office disqualifies');
      needReason(req);
      openBeforeCommendation();
    },
  });
}

export interface ExpertReviewContext {
  state: CandidateStateV2;
  plan: ReviewPlanV1 | null;
  enter: ReviewContext['enter'];
  changed: () => void;
  waitFor: (stage: Stage, done: () => boolean) => Promise<void>;
  now: () => string;
}

/**
 * Expert review (专家评审): the office seats a panel of at least five; an expert of the candidate's
 * employer is recused, any expert may declare a conflict; the stage completes when every seated
 * expert has scored, and the candidate's panel score is the trimmed mean.
 */
export async function runExpertReview(ctx: ExpertReviewContext): Promise<void> {
  const { state, plan } = ctx;
  ctx.enter('expert_review', activeSeats(state).length >= minPanel(plan) ? 'scoring' : 'awaiting_panel');
  await ctx.waitFor('expert_review', () => panelComplete(state, plan));
  if (state.closure) return;
  state.expertScore = panelScoreCenti(activeSeats(state).map((s) => s.averageCenti!));
  ctx.changed();
}
