import { ApplicationFailure, condition, patched, proxyActivities, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payment.activities';
import type { ReviewActivities } from '../../activities/review.activities';
import {
  FailureType,
  REVIEW_IN_DEPTH_PATCH,
  SA_ROUND,
  SA_STAGE,
  SA_STATUS,
  decideUpdate,
  recordDepartureUpdate,
  refuseDecision,
  resubmitUpdate,
  shanghaiDate,
  shanghaiMidnight,
  stagesFor,
  initialCandidateState,
  stateQuery,
  subsidyDueAt,
  type CandidateInputV1,
  type CandidateInputV2,
  type CandidateStateV2,
  type CandidateStatus,
  type DecisionRecord,
  type PaymentRecord,
  type Stage,
  sameActor,
} from '../../libs/contract';
import { awaitWithDeadlines } from '../deadlines';
import { installReviewHandlers, refuseInDepthDecision, runExpertReview } from './review-in-depth';

const payments = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '1 minute',
  // Database hiccups are retried for as long as it takes: a due payment must not be dropped.
  retry: { initialInterval: '1s', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});
const review = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

const now = () => new Date(Date.now()).toISOString();

/**
 * One candidate's whole life: the review stages in order, then the one-time bonus and the
 * monthly living subsidy. Lives for more than two years, so every change that alters the commands
 * it issues goes behind `patched()`. Workflows started before the in-depth review (no
 * REVIEW_IN_DEPTH_PATCH marker in their history) keep the original path exactly.
 */
export async function candidateWorkflow(input: CandidateInputV1 | CandidateInputV2): Promise<CandidateStateV2> {
  const inDepth = patched(REVIEW_IN_DEPTH_PATCH);
  const plan = 'review' in input ? input.review : null;
  const state = initialCandidateState(input, now());
  // The decision the main loop has yet to act on; an Update handler only records it.
  const inbox: { decision: DecisionRecord | null } = { decision: null };
  // In-depth only: each change bumps `seq`; a pump reports the state to the database in order.
  const projection = { seq: 0, synced: 0 };
  const isClosed = () => state.closure !== null;

  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (req) => {
      const record: DecisionRecord = { ...req, reason: req.reason.trim(), at: now() };
      state.decisions.push(record);
      inbox.decision = record;
      // Reply once the main loop has acted, so the caller sees the stage the file moved to.
      await condition(() => inbox.decision !== record);
      return state;
    },
    {
      validator: (req) => {
        const refused = refuseDecision(state, req) ?? (inDepth ? refuseInDepthDecision(state, req) : null);
        if (refused) throw refusal(refused.type, refused.message);
        if (inbox.decision) throw refusal(FailureType.NotAwaitingDecision, `stage '${state.stage}' was decided a moment ago`);
      },
    },
  );

  setHandler(
    resubmitUpdate,
    (req) => {
      state.resubmissions.push({ stage: state.stage as Stage, note: req.note, actor: req.actor, at: now(), ...(req.version && { version: req.version }) });
      if (inDepth) {
        if (req.version) state.version = req.version;
        if (req.prechecks) state.prechecks = req.prechecks;
        if (req.conditions?.length) state.conditions = req.conditions;
      }
      enter(state.stage as Stage, 'awaiting_decision');
      return state;
    },
    {
      validator: (req) => {
        if (state.status !== 'returned') {
          throw refusal(FailureType.NotAwaitingDecision, `the file is not with its submitter (status '${state.status}')`);
        }
        const isSubmitter = sameActor(input.submittedBy, req.actor);
        if (!isSubmitter && req.actor.role !== 'union_office') {
          throw refusal(FailureType.WrongRole, 'only the submitter or the programme office may resubmit the file');
        }
      },
    },
  );

  setHandler(
    recordDepartureUpdate,
    (req) => {
      state.departure = { leftOn: req.leftOn, reason: req.reason, actor: req.actor, at: now() };
      changed();
      return state;
    },
    {
      validator: (req) => {
        if (req.actor.role !== 'union_office') throw refusal(FailureType.WrongRole, 'only the programme office records a departure');
        if (state.commendedAt === null) throw refusal(FailureType.WrongStage, 'a departure matters only once the master is commended');
        if (state.departure) throw refusal(FailureType.NotAwaitingDecision, `departure already recorded (${state.departure.leftOn})`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(req.leftOn)) throw refusal(FailureType.InvalidRequest, 'leftOn must be YYYY-MM-DD');
      },
    },
  );

  if (inDepth) installReviewHandlers({ state, input, plan, enter, changed, refusal, now });

  function changed(): void {
    if (inDepth) projection.seq++;
  }

  function enter(stage: CandidateStateV2['stage'], status: CandidateStatus): void {
    const moved = state.stage !== stage;
    state.stage = stage;
    state.status = status;
    if (moved) {
      state.stageEnteredAt = now();
      state.dueAt = (plan && stage in plan.deadlines && plan.deadlines[stage as Stage]) || null;
    }
    changed();
    // The stage lives in a search attribute: staff list candidates by it, and the history shows each entry.
    upsertSearchAttributes([
      { key: SA_STAGE, value: stage },
      { key: SA_STATUS, value: status },
    ]);
  }

  /** Reports the state to the database, in order, whenever it changed (in-depth only). */
  async function pumpProjection(): Promise<void> {
    for (;;) {
      await condition(() => projection.seq > projection.synced);
      const seq = projection.seq;
      await review.syncStatus({
        candidateId: input.candidateId,
        seq,
        stage: String(state.stage),
        status: state.status,
        dueAt: state.dueAt,
        scoreCenti: state.expertScore?.scoreCenti ?? null,
        panel: state.panel.map((s) => ({ userId: s.userId, status: s.status })),
      });
      projection.synced = seq;
    }
  }

  async function finish(): Promise<CandidateStateV2> {
    if (inDepth) await condition(() => projection.synced === projection.seq);
    return state;
  }

  upsertSearchAttributes([
    { key: SA_STAGE, value: state.stage },
    { key: SA_STATUS, value: state.status },
    ...(input.roundId ? [{ key: SA_ROUND, value: input.roundId }] : []),
  ]);
  if (inDepth) {
    state.dueAt = plan?.deadlines[state.stage as Stage] ?? null;
    changed();
    void pumpProjection();
  }

  const raiseAlert = async (alert: { stage: Stage; kind: 'reminder' | 'escalation'; dueAt: string }) => {
    state.alerts.push({ ...alert, at: now() });
    changed();
    await review.raiseAlert({ candidateId: input.candidateId, ...alert });
  };
  const waitFor = async (stage: Stage, done: () => boolean): Promise<void> => {
    if (!inDepth) return void (await condition(done));
    await awaitWithDeadlines({ stage, plan, alerts: state.alerts, done: () => done() || isClosed(), raise: raiseAlert });
  };

  for (const stage of stagesFor(input.channel)) {
    if (isClosed()) return finish();
    if (stage === 'public_notice') {
      state.publicNoticeEndsAt = new Date(Date.now() + input.settings.publicNoticeMs).toISOString();
      enter(stage, 'in_public_notice');
      if (inDepth) await condition(isClosed, input.settings.publicNoticeMs);
      else await sleep(input.settings.publicNoticeMs);
      continue;
    }
    if (inDepth && stage === 'expert_review') {
      await runExpertReview({ state, plan, enter, changed, waitFor, now });
      continue;
    }
    if (state.stage !== stage) enter(stage, 'awaiting_decision');
    for (;;) {
      await waitFor(stage, () => inbox.decision !== null);
      if (isClosed()) return finish();
      const decision = inbox.decision!;
      inbox.decision = null;
      if (decision.outcome === 'approve') break;
      if (decision.outcome === 'reject') {
        enter(stage, 'rejected');
        return finish();
      }
      enter(stage, 'returned'); // resumes through the resubmit Update
    }
  }
  if (isClosed()) return finish();

  const commendedAtMs = Date.now();
  state.commendedAt = new Date(commendedAtMs).toISOString();
  enter('payments', 'paying');
  await pay({ kind: 'bonus', instalment: 0, amountFen: input.settings.bonusFen, dueOn: shanghaiDate(commendedAtMs) });

  for (let n = 1; n <= input.settings.subsidyMonths; n++) {
    const dueAt = subsidyDueAt(commendedAtMs, n);
    // The subsidy stops once the master leaves Ouhai to work elsewhere (离开瓯海工作不享受).
    const departedByDue = () => state.departure !== null && shanghaiMidnight(state.departure.leftOn) <= dueAt;
    const wait = dueAt - Date.now();
    const departed = wait > 0 ? await condition(departedByDue, wait) : departedByDue();
    if (departed) {
      enter('closed', 'subsidy_stopped');
      return finish();
    }
    await pay({ kind: 'subsidy', instalment: n, amountFen: input.settings.subsidyMonthlyFen, dueOn: shanghaiDate(dueAt) });
  }
  enter('closed', 'completed');
  return finish();

  async function pay(p: Omit<PaymentRecord, 'taskId'>): Promise<void> {
    const { taskId } = await payments.createPaymentTask({ candidateId: input.candidateId, ...p });
    state.payments.push({ ...p, taskId });
    changed();
  }
}

function refusal(type: FailureType, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
