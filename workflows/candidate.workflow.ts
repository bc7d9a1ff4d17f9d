import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { PaymentActivities } from '../activities/payment.activities';
import {
  FailureType,
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
  stateQuery,
  subsidyDueAt,
  type CandidateInputV1,
  type CandidateStateV1,
  type CandidateStatus,
  type DecisionRecord,
  type PaymentRecord,
  type Stage,
} from '../libs/contract';

const payments = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '1 minute',
  // Database hiccups are retried for as long as it takes: a due payment must not be dropped.
  retry: { initialInterval: '1s', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

const now = () => new Date(Date.now()).toISOString();

/**
 * One candidate's whole life: the review stages in order, then the one-time bonus and the
 * monthly living subsidy. Lives for more than two years, so every change that alters the commands
 * it issues goes behind `patched()`.
 */
export async function candidateWorkflow(input: CandidateInputV1): Promise<CandidateStateV1> {
  const state: CandidateStateV1 = {
    candidateId: input.candidateId,
    channel: input.channel,
    stage: stagesFor(input.channel)[0],
    status: 'awaiting_decision',
    stageEnteredAt: now(),
    publicNoticeEndsAt: null,
    decisions: [],
    resubmissions: [],
    commendedAt: null,
    departure: null,
    payments: [],
  };
  // The decision the main loop has yet to act on; an Update handler only records it.
  const inbox: { decision: DecisionRecord | null } = { decision: null };

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
        const refused = refuseDecision(state, req);
        if (refused) throw refusal(refused.type, refused.message);
        if (inbox.decision) throw refusal(FailureType.NotAwaitingDecision, `stage '${state.stage}' was decided a moment ago`);
      },
    },
  );

  setHandler(
    resubmitUpdate,
    (req) => {
      state.resubmissions.push({ stage: state.stage as Stage, note: req.note, actor: req.actor, at: now() });
      enter(state.stage as Stage, 'awaiting_decision');
      return state;
    },
    {
      validator: (req) => {
        if (state.status !== 'returned') {
          throw refusal(FailureType.NotAwaitingDecision, `the file is not with its submitter (status '${state.status}')`);
        }
        const isSubmitter = req.actor.userId === input.submittedBy.userId;
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

  function enter(stage: CandidateStateV1['stage'], status: CandidateStatus): void {
    const moved = state.stage !== stage;
    state.stage = stage;
    state.status = status;
    if (moved) state.stageEnteredAt = now();
    // The stage lives in a search attribute: staff list candidates by it, and the history shows each entry.
    upsertSearchAttributes([
      { key: SA_STAGE, value: stage },
      { key: SA_STATUS, value: status },
    ]);
  }

  upsertSearchAttributes([
    { key: SA_STAGE, value: state.stage },
    { key: SA_STATUS, value: state.status },
    ...(input.roundId ? [{ key: SA_ROUND, value: input.roundId }] : []),
  ]);

  for (const stage of stagesFor(input.channel)) {
    if (stage === 'public_notice') {
      state.publicNoticeEndsAt = new Date(Date.now() + input.settings.publicNoticeMs).toISOString();
      enter(stage, 'in_public_notice');
      await sleep(input.settings.publicNoticeMs);
      continue;
    }
    if (state.stage !== stage) enter(stage, 'awaiting_decision');
    for (;;) {
      await condition(() => inbox.decision !== null);
      const decision = inbox.decision!;
      inbox.decision = null;
      if (decision.outcome === 'approve') break;
      if (decision.outcome === 'reject') {
        enter(stage, 'rejected');
        return state;
      }
      enter(stage, 'returned'); // resumes through the resubmit Update
    }
  }

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
      return state;
    }
    await pay({ kind: 'subsidy', instalment: n, amountFen: input.settings.subsidyMonthlyFen, dueOn: shanghaiDate(dueAt) });
  }
  enter('closed', 'completed');
  return state;

  async function pay(p: Omit<PaymentRecord, 'taskId'>): Promise<void> {
    const { taskId } = await payments.createPaymentTask({ candidateId: input.candidateId, ...p });
    state.payments.push({ ...p, taskId });
  }
}

function refusal(type: FailureType, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
