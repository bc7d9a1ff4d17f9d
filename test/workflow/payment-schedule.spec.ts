import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { fetchRunChain } from '../../apps/api/src/candidates/timeline';
import {
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  PAYMENT_SCHEDULE_WORKFLOW,
  TASK_QUEUE,
  candidateWorkflowId,
  correctDepartureUpdate,
  FailureType,
  initialCandidateState,
  recordDepartureUpdate,
  shanghaiDate,
  stateQuery,
  subsidyDueAt,
  type CandidateStateV2,
  type PaymentScheduleInputV2,
  type PaymentTermsV2,
} from '../../libs/contract';
import { candidateFileWorkflow } from '../../workflows';
import { approveUntil, decide, eventually, stateWhen } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, workflowSuite } from '../support/workflow-env';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 180_000));

const HOUR = 3600e3;
const OFFICE = { userId: 'office-1', role: 'union_office' } as const;
const TERMS: PaymentTermsV2 = { bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24, subsidyDueDay: 10 };
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe('paymentScheduleV2Workflow (time-skipping server)', () => {
  const store = new FakePaymentStore();
  const suite = workflowSuite(store);
  let env: TestWorkflowEnvironment;
  beforeAll(() => (env = suite.env));

  /** A schedule as the file hands it over at commendation: `now` on the test server unless said. */
  async function startSchedule(type = PAYMENT_SCHEDULE_V2_WORKFLOW, terms: PaymentTermsV2 = TERMS) {
    const id = randomUUID();
    const commendedAt = new Date(await env.currentTimeMs()).toISOString();
    const file: CandidateStateV2 = { ...initialCandidateState(candidateInput(id), commendedAt), stage: 'payments', status: 'paying', commendedAt };
    const input: PaymentScheduleInputV2 = { candidateId: id, roundId: null, commendedAt, terms, file, projectionSeq: 0 };
    const handle: WorkflowHandle = await env.client.workflow.start(type, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [input] });
    const commendedMs = Date.parse(commendedAt);
    const dueAt = (n: number) => subsidyDueAt(commendedMs, n, terms.subsidyDueDay ?? 1);
    return { id, handle, commendedAt, dueAt, dueOn: (n: number) => shanghaiDate(dueAt(n)) };
  }

  const sleepUntil = async (ms: number) => env.sleep(ms - (await env.currentTimeMs()));
  const depart = (h: WorkflowHandle, leftOn: string, reason = 'went to work in Ningbo') =>
    h.executeUpdate(recordDepartureUpdate, { args: [{ leftOn, reason, actor: OFFICE }] });
  const correct = (h: WorkflowHandle, leftOn: string | null, reason: string) => h.executeUpdate(correctDepartureUpdate, { args: [{ leftOn, reason, actor: OFFICE }] });
  const subsidies = (id: string) => store.subsidies(id).map((r) => ({ n: r.instalment, status: r.status, recovery: !!r.recoveryReason }));
  const chainOf = (id: string) => fetchRunChain((runId) => fetchDecodedHistory(env.client.workflow.getHandle(candidateWorkflowId(id), runId)));
  const typesOf = async (id: string) => (await chainOf(id)).map((h) => h.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name);

  it('pays 8 instalments and the bonus over the 24 months from a commendation on 31 January (due day 31), the master leaving in month 9', async () => {
    const id = randomUUID();
    const handle = await env.client.workflow.start(candidateFileWorkflow, {
      workflowId: candidateWorkflowId(id),
      taskQueue: TASK_QUEUE,
      args: [candidateInput(id, 'self', { publicNoticeMs: 1000, subsidyDueDay: 31 })],
    });
    await approveUntil(handle, 'public_notice');
    await env.sleep('2 seconds');
    await stateWhen(handle, (s) => s.stage === 'government_approval');
    await decide(handle, 'government_approval');
    // The ceremony on the next 31 January, mid-morning in Ouhai.
    const now = await env.currentTimeMs();
    let year = new Date(now + 8 * HOUR).getUTCFullYear();
    if (Date.parse(`${year}-01-31T10:00:00+08:00`) <= now) year++;
    await sleepUntil(Date.parse(`${year}-01-31T10:00:00+08:00`));
    expect((await decide(handle, 'commendation')).commendedAt!.slice(0, 10)).toBe(`${year}-01-31`);

    // Month 9 is October: the office records on the 5th that the master leaves on the 15th.
    await sleepUntil(Date.parse(`${year}-10-05T10:00:00+08:00`));
    await eventually(
      () => store.subsidies(id).length,
      (n) => n === 8,
    );
    const departed = await depart(handle, `${year}-10-15`);
    expect(departed).toMatchObject({ stage: 'payments', status: 'subsidy_stopped', departure: { leftOn: `${year}-10-15`, cancelled: [], recovery: [] } });

    const final = await handle.result();
    expect(final).toMatchObject({ stage: 'closed', status: 'subsidy_stopped' });
    const rows = store.forCandidate(id);
    expect(rows.filter((r) => r.kind === 'bonus')).toEqual([expect.objectContaining({ amountFen: 2_000_000, dueOn: `${year}-01-31`, status: 'open' })]);
    const paid = store.subsidies(id);
    expect(paid.map((r) => r.instalment)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The 31st, or the last day of a shorter month: February to September.
    expect(paid.map((r) => r.dueOn)).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map((m) => `${year}-${String(m).padStart(2, '0')}-${lastDayOf(year, m)}`));
    expect(paid.every((r) => r.amountFen === 80_000 && r.status === 'open')).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.amountFen, 0)).toBe(2_640_000); // 20,000 + 8 × 800 yuan

    // Open, parked on one timer, until the term ends (when the 25th would fall due), then closed.
    const { closeTime } = await handle.describe();
    expect(shanghaiDate(closeTime!.getTime())).toBe(`${year + 2}-02-${lastDayOf(year + 2, 2)}`);
    const runs = (await chainOf(id)).slice(1);
    expect(runs).toHaveLength(9); // one per instalment made, and the run that parked
    // 23 events a month (16, and the schedule's record for the forecast: a patch marker and an activity);
    // the first run (the bonus too) and the parked one (departure and closing, each recorded) a few more.
    expect(Math.max(...runs.map((h) => h.events!.length))).toBeLessThan(60);
    // The schedule's last record of itself, what finance's forecast reads: its terms, the departure, the end.
    expect(store.schedules.get(id)).toEqual({
      candidateId: id,
      roundId: null,
      commendedOn: `${year}-01-31`,
      bonusFen: 2_000_000,
      subsidyMonthlyFen: 80_000,
      subsidyMonths: 24,
      subsidyDueDay: 31,
      leftOn: `${year}-10-15`,
      status: 'subsidy_stopped',
    });
  });

  it('cancels what a late departure should have stopped, flags what was paid for recovery, and recomputes both on each correction', async () => {
    const { id, handle, dueAt, dueOn } = await startSchedule();
    await sleepUntil(dueAt(5) + HOUR);
    await eventually(
      () => store.subsidies(id).length,
      (n) => n === 5,
    );
    for (const n of [1, 2, 3]) store.markPaid(id, n);

    // Recorded in month 5, the master had left on the day instalment 2 fell due.
    const late = await depart(handle, dueOn(2));
    expect(late).toMatchObject({ status: 'subsidy_stopped', departure: { leftOn: dueOn(2), cancelled: [4, 5], recovery: [2, 3] } });
    expect(subsidies(id)).toEqual([
      { n: 1, status: 'paid', recovery: false },
      { n: 2, status: 'paid', recovery: true },
      { n: 3, status: 'paid', recovery: true },
      { n: 4, status: 'cancelled', recovery: false },
      { n: 5, status: 'cancelled', recovery: false },
    ]);
    expect(store.subsidies(id)[3].cancelReason).toBe('went to work in Ningbo');
    await sleepUntil(dueAt(6) + HOUR);
    expect(store.subsidies(id)).toHaveLength(5);

    // A wrong date, moved later: months 2 and 3 were earned after all.
    const later = await correct(handle, dueOn(4), 'the employer confirms the last working day');
    expect(later.departure).toMatchObject({ leftOn: dueOn(4), cancelled: [4, 5], recovery: [] });
    expect(subsidies(id).map((r) => r.recovery)).toEqual([false, false, false, false, false]);
    // And earlier again: month 3 is to be recovered.
    const earlier = await correct(handle, dueOn(3), 'the employer sent the wrong certificate');
    expect(earlier.departure).toMatchObject({ leftOn: dueOn(3), cancelled: [4, 5], recovery: [3] });

    // Recorded by mistake: everything given back, the months missed made at once, the subsidy running again.
    const removed = await correct(handle, null, 'recorded for the wrong master');
    expect(removed).toMatchObject({ status: 'paying', departure: null });
    expect(removed.departureCorrections!.map((c) => [c.from, c.to])).toEqual([
      [dueOn(2), dueOn(4)],
      [dueOn(4), dueOn(3)],
      [dueOn(3), null],
    ]);
    await eventually(
      () => subsidies(id),
      (rows) => rows.length === 6,
    );
    expect(subsidies(id)).toEqual([
      { n: 1, status: 'paid', recovery: false },
      { n: 2, status: 'paid', recovery: false },
      { n: 3, status: 'paid', recovery: false },
      { n: 4, status: 'open', recovery: false },
      { n: 5, status: 'open', recovery: false },
      { n: 6, status: 'open', recovery: false },
    ]);
    await sleepUntil(dueAt(7) + HOUR);
    await eventually(
      () => store.subsidies(id).length,
      (n) => n === 7,
    );
  });

  it('refuses a leftOn before the commendation date, naming it, and a correction with nothing to correct', async () => {
    const { handle, commendedAt, dueOn } = await startSchedule();
    const commendedOn = shanghaiDate(Date.parse(commendedAt));
    const dayBefore = shanghaiDate(Date.parse(commendedAt) - 24 * HOUR);
    await expect(depart(handle, dayBefore)).rejects.toMatchObject({
      cause: {
        type: FailureType.Unprocessable,
        message: `leftOn ${dayBefore} is before the commendation date ${commendedOn}: a departure can only follow the commendation`,
      },
    });
    await expect(correct(handle, dueOn(3), 'x')).rejects.toMatchObject({ cause: { type: FailureType.NotAwaitingDecision } });
    await expect(depart(handle, '2031-02-30')).rejects.toMatchObject({ cause: { type: FailureType.InvalidRequest, message: 'leftOn must be a real date YYYY-MM-DD' } });

    await depart(handle, commendedOn); // the day of the ceremony itself is allowed: no subsidy at all
    await expect(depart(handle, dueOn(3))).rejects.toMatchObject({ cause: { type: FailureType.NotAwaitingDecision } });
    await expect(correct(handle, dayBefore, 'typo')).rejects.toMatchObject({
      cause: { type: FailureType.Unprocessable, message: expect.stringContaining(`leftOn ${dayBefore}`) },
    });
    await expect(correct(handle, commendedOn, 'same')).rejects.toMatchObject({ cause: { type: FailureType.NotAwaitingDecision } });
    await expect(correct(handle, null, '   ')).rejects.toMatchObject({ cause: { type: FailureType.InvalidRequest, message: 'reason is required' } });
    await expect(handle.executeUpdate(correctDepartureUpdate, { args: [{ leftOn: null, reason: 'x', actor: { userId: 'f', role: 'finance' } }] })).rejects.toMatchObject({
      cause: { type: FailureType.WrongRole },
    });
    expect((await stateWhen(handle, () => true)).departureCorrections).toBeUndefined();
  });

  it('takes a departure sent while the run waits to continue-as-new: the Update finishes first, the next run carries it', async () => {
    const { id, handle, dueAt, dueOn } = await startSchedule();
    await eventually(
      () => store.forCandidate(id).length,
      (n) => n === 1,
    ); // the bonus
    const { runId: firstRun } = await handle.describe();

    // Instalment 1 is being created when the master's departure, dated that very day, comes in.
    const creating = store.hold('createOnce');
    await sleepUntil(dueAt(1) + 1000);
    await creating.reached;
    const cancelling = store.hold('cancelFrom');
    const departure = depart(handle, dueOn(1), 'left the day the first month fell due');
    await stateWhen(handle, (s) => s.departure !== null);
    creating.release();
    // The run has made its instalment and wants to continue-as-new; the Update is still settling.
    await cancelling.reached;
    const waiting = await stateWhen(handle, (s) => s.payments.some((p) => p.instalment === 1 && p.kind === 'subsidy'));
    expect(waiting.departure).toMatchObject({ leftOn: dueOn(1) });
    expect((await handle.describe()).runId).toBe(firstRun);
    cancelling.release();

    expect((await departure).departure).toMatchObject({ leftOn: dueOn(1), cancelled: [1], recovery: [] });
    const carried = await eventually(
      async () => ({ runId: (await handle.describe()).runId, state: await handle.query(stateQuery) }),
      (x) => x.runId !== firstRun,
    );
    expect(carried.state).toMatchObject({ status: 'subsidy_stopped', departure: { leftOn: dueOn(1), cancelled: [1] } });
    expect(subsidies(id)).toEqual([{ n: 1, status: 'cancelled', recovery: false }]);
    // The next run settled nothing twice and creates nothing more.
    await sleepUntil(dueAt(3) + HOUR);
    expect(store.subsidies(id)).toHaveLength(1);
    expect(await typesOf(id)).toEqual([PAYMENT_SCHEDULE_V2_WORKFLOW, PAYMENT_SCHEDULE_V2_WORKFLOW]);
  });

  it('hands a running v1 schedule over to v2 at its next instalment, keeping the 1st of the month it was promised', async () => {
    const { id, handle, dueAt } = await startSchedule(PAYMENT_SCHEDULE_WORKFLOW, { bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24 });
    await sleepUntil(dueAt(2) + HOUR);
    await eventually(
      () => store.subsidies(id).length,
      (n) => n === 2,
    );
    expect(store.subsidies(id).map((r) => r.dueOn.slice(8))).toEqual(['01', '01']);
    // v1 up to its first instalment, then one v2 run per instalment, and the one waiting for the 3rd.
    expect(await typesOf(id)).toEqual([PAYMENT_SCHEDULE_WORKFLOW, PAYMENT_SCHEDULE_V2_WORKFLOW, PAYMENT_SCHEDULE_V2_WORKFLOW, PAYMENT_SCHEDULE_V2_WORKFLOW]);
    // What v1 could not do: a departure corrected.
    const leftOn = shanghaiDate(dueAt(2) + 24 * HOUR);
    await depart(handle, leftOn);
    const corrected = await correct(handle, null, 'recorded by mistake');
    expect(corrected).toMatchObject({ status: 'paying', departure: null, payments: expect.arrayContaining([expect.objectContaining({ kind: 'bonus' })]) });
    expect(store.forCandidate(id).filter((r) => r.kind === 'bonus')).toHaveLength(1);
  });
});
