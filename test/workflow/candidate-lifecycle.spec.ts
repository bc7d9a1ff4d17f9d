import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { candidateFileWorkflow } from '../../workflows';
import { candidateWorkflowId, FailureType, recordDepartureUpdate, resubmitUpdate, stateQuery, subsidyDueAt, TASK_QUEUE } from '../../libs/contract';
import { fetchRunChain, readTimeline } from '../../apps/api/src/candidates/timeline';
import { approveUntil, decide } from '../support/decide';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, testWorker, timeSkippingEnv } from '../support/workflow-env';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 120_000));

describe('candidateFileWorkflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const store = new FakePaymentStore();
  // One worker for the suite: the test server holds time still while an activity task handed to a
  // worker that is shutting down waits out its timeout, so workers are not stopped between tests.
  let running: Promise<void>;
  let stopWorker: () => void;
  const worker = { runUntil: <T>(fn: () => Promise<T>) => fn() };

  beforeAll(async () => {
    env = await timeSkippingEnv();
    const w = await testWorker(env, store);
    running = w.run();
    stopWorker = () => w.shutdown();
  });
  afterAll(async () => {
    stopWorker?.();
    await running;
    await env?.teardown();
  });

  const start = (id: string, channel: Parameters<typeof candidateInput>[1] = 'organisational', settings = {}) =>
    env.client.workflow.start(candidateFileWorkflow, {
      workflowId: candidateWorkflowId(id),
      taskQueue: TASK_QUEUE,
      args: [candidateInput(id, channel, settings)],
    });

  it('runs one candidate from nomination to the 24th subsidy instalment: bonus once, 24 instalments, none twice', async () => {
    const id = randomUUID();
    await worker.runUntil(async () => {
      const handle = await start(id);
      const atNotice = await approveUntil(handle, 'public_notice');
      expect(atNotice).toMatchObject({ stage: 'public_notice', status: 'in_public_notice' });
      expect(atNotice.decisions.map((d) => d.stage)).toEqual(['endorsement', 'qualification', 'inspection', 'voting', 'leadership']);
      expect(atNotice.expertScore).toEqual({ scoreCenti: 8500, counted: 3, dropped: 2 }); // 80, 85, 90 kept of 70..95

      await env.sleep('7 days');
      expect(await handle.query(stateQuery)).toMatchObject({ stage: 'government_approval', status: 'awaiting_decision' });
      await decide(handle, 'government_approval');
      const paying = await decide(handle, 'commendation');
      expect(paying).toMatchObject({ stage: 'payments', status: 'paying' });

      const final = await handle.result();
      expect(final.status).toBe('completed');
      const commendedAt = Date.parse(final.commendedAt!);

      const rows = store.forCandidate(id);
      const bonus = rows.filter((r) => r.kind === 'bonus');
      const subsidies = rows.filter((r) => r.kind === 'subsidy').sort((a, b) => a.instalment - b.instalment);
      expect(bonus).toHaveLength(1);
      expect(bonus[0].amountFen).toBe(2_000_000);
      expect(subsidies.map((s) => s.instalment)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      expect(subsidies.reduce((sum, s) => sum + s.amountFen, 0)).toBe(1_920_000); // 19,200 yuan
      // Each instalment falls on the 10th (SUBSIDY_DUE_DAY) of a month, starting the month after commendation.
      expect(subsidies.map((s) => s.dueOn)).toEqual(subsidies.map((s) => new Date(subsidyDueAt(commendedAt, s.instalment, 10) + 8 * 3600e3).toISOString().slice(0, 10)));
      expect(subsidies.every((s) => s.dueOn.endsWith('-10'))).toBe(true);
      expect(final.payments).toHaveLength(25);

      // One run per instalment: 24 short schedule runs after the file's, none carrying two years of history.
      const chain = await fetchRunChain((runId) => fetchDecodedHistory(env.client.workflow.getHandle(candidateWorkflowId(id), runId)));
      const schedules = chain.slice(1);
      expect(schedules).toHaveLength(24);
      expect(schedules.every((h) => h.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name === 'paymentScheduleV2Workflow')).toBe(true);
      // Each run also records the schedule for finance's forecast (a patch marker and an activity): still a few dozen events.
      expect(Math.max(...schedules.map((h) => h.events!.length))).toBeLessThan(60);
      expect(store.schedules.get(id)).toMatchObject({ subsidyMonths: 24, subsidyDueDay: 10, leftOn: null, status: 'completed' });
    });
  });

  it('skips the sub-district union for the association, self and competition channels', async () => {
    await worker.runUntil(async () => {
      for (const channel of ['association', 'self', 'competition'] as const) {
        const handle = await start(randomUUID(), channel);
        expect((await handle.query(stateQuery)).stage).toBe('qualification');
      }
      const organisational = await start(randomUUID(), 'organisational');
      expect((await organisational.query(stateQuery)).stage).toBe('endorsement');
    });
  });

  it('refuses a decision for another stage or from a role that does not own the stage', async () => {
    await worker.runUntil(async () => {
      const handle = await start(randomUUID());
      await expect(decide(handle, 'qualification')).rejects.toMatchObject({ cause: { type: FailureType.WrongStage } });
      const wrongRole = handle.executeUpdate('decide', {
        args: [{ stage: 'endorsement', outcome: 'approve', reason: 'x', actor: { userId: 'u', role: 'expert' } }],
      });
      await expect(wrongRole).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(wrongRole).rejects.toMatchObject({ cause: { type: FailureType.WrongRole } });
      // Refused decisions leave no trace in the state.
      expect((await handle.query(stateQuery)).decisions).toHaveLength(0);
    });
  });

  it('returns a file to its submitter and resumes the same stage on resubmission', async () => {
    await worker.runUntil(async () => {
      const handle = await start(randomUUID(), 'self');
      const returned = await decide(handle, 'qualification', 'return', 'missing skill certificate');
      expect(returned).toMatchObject({ stage: 'qualification', status: 'returned' });
      await expect(decide(handle, 'qualification')).rejects.toMatchObject({ cause: { type: FailureType.NotAwaitingDecision } });
      await expect(handle.executeUpdate(resubmitUpdate, { args: [{ note: 'x', actor: { userId: 'someone-else', role: 'nominator' } }] })).rejects.toMatchObject({
        cause: { type: FailureType.WrongRole },
      });
      const resumed = await handle.executeUpdate(resubmitUpdate, { args: [{ note: 'certificate attached', actor: { userId: 'unit-1', role: 'nominator' } }] });
      expect(resumed).toMatchObject({ stage: 'qualification', status: 'awaiting_decision' });
      expect((await decide(handle, 'qualification')).stage).toBe('inspection');
    });
  });

  it('ends the candidacy on a rejection', async () => {
    await worker.runUntil(async () => {
      const handle = await start(randomUUID(), 'self');
      await decide(handle, 'qualification');
      const rejected = await decide(handle, 'inspection', 'reject', 'no longer in a skill post');
      expect(rejected).toMatchObject({ stage: 'inspection', status: 'rejected' });
      expect((await handle.result()).status).toBe('rejected');
    });
  });

  it('stops the subsidy once the master has left Ouhai, paying only the months before', async () => {
    const id = randomUUID();
    await worker.runUntil(async () => {
      const handle = await start(id, 'competition', { publicNoticeMs: 1000 });
      await approveUntil(handle, 'public_notice');
      await env.sleep('2 seconds');
      await decide(handle, 'government_approval');
      const paying = await decide(handle, 'commendation');
      const commendedAt = Date.parse(paying.commendedAt!);
      // Let three instalments fall due, then record a departure dated the day the 4th falls due.
      await env.sleep(subsidyDueAt(commendedAt, 3) - commendedAt + 3600e3);
      const leftOn = new Date(subsidyDueAt(commendedAt, 4) + 8 * 3600e3).toISOString().slice(0, 10);
      await handle.executeUpdate(recordDepartureUpdate, { args: [{ leftOn, reason: 'moved to Ningbo', actor: { userId: 'o', role: 'union_office' } }] });
      const final = await handle.result();
      expect(final.status).toBe('subsidy_stopped');
      expect(
        store
          .forCandidate(id)
          .filter((r) => r.kind === 'subsidy')
          .map((r) => r.instalment),
      ).toEqual([1, 2, 3]);
    });
  });

  it('continues the file as the payment schedule under the same workflow ID: one life, one timeline across the runs', async () => {
    const id = randomUUID();
    await worker.runUntil(async () => {
      const handle = await start(id, 'self', { publicNoticeMs: 1000 });
      await approveUntil(handle, 'public_notice');
      await env.sleep('2 seconds');
      await decide(handle, 'government_approval');
      await decide(handle, 'commendation');
      // A departure right after commendation lands on the schedule's run, not lost across the boundary.
      const commendedOn = (await handle.query(stateQuery)).commendedAt!.slice(0, 10);
      const leftOn = new Date(Date.parse(commendedOn) + 40 * 864e5).toISOString().slice(0, 10);
      await handle.executeUpdate(recordDepartureUpdate, { args: [{ leftOn, reason: 'moved to Ningbo', actor: { userId: 'o', role: 'union_office' } }] });
      await expect(decide(handle, 'commendation')).rejects.toMatchObject({ cause: { type: FailureType.WrongStage } });
      const final = await handle.result();
      expect(final.status).toBe('subsidy_stopped');

      const chain = await fetchRunChain((runId) => fetchDecodedHistory(env.client.workflow.getHandle(candidateWorkflowId(id), runId)));
      const types = chain.map((h) => h.events![0].workflowExecutionStartedEventAttributes!.workflowType!.name);
      // The schedule continues-as-new after each instalment it makes, so one or two of its runs.
      expect(types[0]).toBe('candidateFileWorkflow');
      expect(types.slice(1)).toEqual(expect.arrayContaining(['paymentScheduleV2Workflow']));
      expect(new Set(types.slice(1))).toEqual(new Set(['paymentScheduleV2Workflow']));
      const timeline = readTimeline(chain);
      expect(timeline[0]).toMatchObject({ type: 'nominated', run: 0 });
      expect(timeline.find((e) => e.type === 'run_continued')).toMatchObject({ run: 1, stage: 'payments', note: 'continued as paymentScheduleV2Workflow' });
      expect(timeline.filter((e) => e.type === 'decision').map((e) => e.stage)).toEqual([
        'qualification',
        'inspection',
        'voting',
        'leadership',
        'government_approval',
        'commendation',
      ]);
      expect(timeline.filter((e) => e.type === 'payment_task_created').every((e) => e.run === 1)).toBe(true);
      // Sent a moment after commendation, the departure may land on either run; it is there once.
      expect(timeline.filter((e) => e.type === 'departure_recorded')).toEqual([expect.objectContaining({ note: `left on ${leftOn}` })]);
      expect(final.departure).toMatchObject({ leftOn });
      expect(timeline.at(-1)).toMatchObject({ type: 'closed', stage: 'closed', status: 'subsidy_stopped' });
    });
  });
});
