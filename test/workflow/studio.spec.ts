import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStudioActivities } from '../../activities';
import {
  FailureType,
  decideStudioUpdate,
  resubmitStudioUpdate,
  screenStudioUpdate,
  shanghaiDate,
  studioStateQuery,
  studioWorkflowId,
  withdrawStudioUpdate,
  type Actor,
  type CriterionCheckV1,
  type ScreeningOutcome,
  type StudioInputV1,
} from '../../libs/contract';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';
import { studioWorkflow } from '../../workflows';
import { FakeStudioStore } from '../support/fake-studio-store';
import { testDataConverter, timeSkippingEnv, workflowBundle } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 180_000));

const QUEUE = 'studios-test';
const OFFICE: Actor = { issuer: 'local', userId: 'office-1', role: 'union_office' };
const LEADERSHIP: Actor = { issuer: 'local', userId: 'leader-1', role: 'leadership' };
const UNIT: Actor = { issuer: 'local', userId: 'unit-1', role: 'nominator' };
const STANDARD = ['场地面积不少于50平方米', '带徒不少于3名', '有年度带徒计划'];
const GRANT_FEN = 3_000_000;

/** Checks of every criterion of the standard, met unless named. */
const checks = (unmet: string[] = []): CriterionCheckV1[] =>
  STANDARD.map((criterion) => ({ criterion, met: !unmet.includes(criterion), evidence: `查看：${criterion}` }));

describe('studioWorkflow (time-skipping server)', () => {
  const store = new FakeStudioStore();
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await timeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: QUEUE,
      dataConverter: testDataConverter,
      workflowBundle: await workflowBundle(),
      activities: createStudioActivities(store, store),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  async function apply(): Promise<{ id: string; masterId: string; handle: WorkflowHandle<typeof studioWorkflow> }> {
    const id = randomUUID();
    const masterId = randomUUID();
    const input: StudioInputV1 = { studioId: id, batchId: 'batch-1', masterId, criteria: STANDARD, grantFen: GRANT_FEN, submittedBy: UNIT };
    const handle = await env.client.workflow.start(studioWorkflow, { workflowId: studioWorkflowId(id), taskQueue: QUEUE, args: [input] });
    return { id, masterId, handle };
  }
  const screen = (h: WorkflowHandle, outcome: ScreeningOutcome, criteria = checks(), actor = OFFICE, reason = `screening: ${outcome}`) =>
    h.executeUpdate(screenStudioUpdate, { args: [{ outcome, criteria, reason, actor }] });
  const decide = (h: WorkflowHandle, approvalId: string, approved: boolean, reason: string | null = null, actor = LEADERSHIP) =>
    h.executeUpdate(decideStudioUpdate, { args: [{ approvalId, approved, reason, actor }] });
  /** `RECORD_HISTORIES=v1 npx jest test/workflow/studio.spec.ts` records the run for the replay test (test/replay/histories/studio-v1-<scenario>.json). */
  async function record(handle: WorkflowHandle, scenario: string): Promise<void> {
    if (!process.env.RECORD_HISTORIES) return;
    await handle.result();
    const file = join(__dirname, '..', 'replay', 'histories', `studio-${process.env.RECORD_HISTORIES}-${scenario}.json`);
    writeFileSync(file, historyToJSON(await fetchDecodedHistory(handle)));
  }
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('the Update was accepted');
      },
      (err: { cause?: { type?: string; message?: string } }) => ({ type: err.cause?.type, message: err.cause?.message }),
    );

  it('from application to naming: returned, resubmitted, passed, approved — named that day, its grant created once though the first reply was lost', async () => {
    const { id, masterId, handle } = await apply();
    expect(await handle.query(studioStateQuery)).toMatchObject({ status: 'applied', masterId, namedOn: null, grant: null });

    expect(await screen(handle, 'return', checks([STANDARD[2]]), OFFICE, '缺少年度带徒计划')).toMatchObject({ status: 'returned' });
    expect(await handle.executeUpdate(resubmitStudioUpdate, { args: [{ note: '补交带徒计划', actor: UNIT }] })).toMatchObject({ status: 'applied' });
    expect(await screen(handle, 'pass')).toMatchObject({ status: 'screened' });

    store.loseReplies = 1;
    const named = await decide(handle, 'approval-1', true);
    const today = shanghaiDate(await env.currentTimeMs());
    expect(named).toMatchObject({
      status: 'named',
      namedOn: today,
      grant: { amountFen: GRANT_FEN, dueOn: today },
      approval: { approvalId: 'approval-1', approved: true },
    });
    expect(store.grantCalls).toBe(2); // the lost reply, then the retry that found the instruction
    expect(store.grantsOf(id)).toEqual([
      { candidateId: masterId, studioId: id, kind: 'studio_grant', instalment: 0, amountFen: GRANT_FEN, dueOn: today, taskId: named.grant!.taskId },
    ]);

    // The run ends with the grant: every change written, in order, the last one the whole story.
    const final = await handle.result();
    expect(final).toEqual(named);
    const reports = store.reports.get(id)!;
    expect(reports.map((r) => r.seq)).toEqual([...reports.map((r) => r.seq)].sort((a, b) => a - b));
    expect(store.lastReport(id)!.state).toEqual(final);
    expect(final.screenings.map((s) => s.outcome)).toEqual(['return', 'pass']);
    expect(final.resubmissions).toEqual([expect.objectContaining({ note: '补交带徒计划', actor: UNIT })]);

    // The same approval again, after the end (a retry of the batch): Temporal refuses it as finished; the API reads the row instead.
    await expect(decide(handle, 'approval-1', true)).rejects.toThrow();
  });

  it('refuses, with the reason, what the studio is not waiting for or the caller may not do', async () => {
    const { handle } = await apply();
    expect(await refusal(screen(handle, 'pass', checks(), LEADERSHIP))).toEqual({ type: FailureType.WrongRole, message: expect.stringMatching(/programme office/) });
    expect(await refusal(screen(handle, 'pass', checks().slice(1)))).toEqual({
      type: FailureType.InvalidRequest,
      message: expect.stringContaining(`criteria: every criterion of the batch must be checked; missing: '${STANDARD[0]}'`),
    });
    expect(await refusal(screen(handle, 'pass', checks([STANDARD[1]])))).toEqual({
      type: FailureType.InvalidRequest,
      message: expect.stringContaining(`outcome: a pass needs every criterion met; not met: '${STANDARD[1]}'`),
    });
    const blank = checks().map((c, i) => (i === 1 ? { ...c, evidence: ' ' } : c));
    expect(await refusal(screen(handle, 'fail', blank))).toEqual({
      type: FailureType.InvalidRequest,
      message: expect.stringContaining('criteria.1.evidence: evidence is required'),
    });
    expect(await refusal(decide(handle, 'approval-2', true))).toEqual({
      type: FailureType.NotAwaitingDecision,
      message: expect.stringMatching(/'applied', not screened/),
    });
    const stranger: Actor = { issuer: 'local', userId: 'unit-2', role: 'nominator' };
    expect(await refusal(handle.executeUpdate(withdrawStudioUpdate, { args: [{ reason: '不办了', actor: stranger }] }))).toMatchObject({ type: FailureType.WrongRole });
    expect(await refusal(handle.executeUpdate(resubmitStudioUpdate, { args: [{ note: 'x', actor: UNIT }] }))).toMatchObject({ type: FailureType.NotAwaitingDecision });

    // Refused Updates leave nothing behind: the studio still waits for its screening.
    expect(await handle.query(studioStateQuery)).toMatchObject({ status: 'applied', screenings: [] });
    await screen(handle, 'pass');
    expect(await refusal(decide(handle, 'approval-2', false, null))).toMatchObject({ type: FailureType.InvalidRequest, message: expect.stringMatching(/reason/) });
    expect(await refusal(decide(handle, 'approval-2', true, null, OFFICE))).toMatchObject({ type: FailureType.WrongRole });
    expect(await decide(handle, 'approval-2', true)).toMatchObject({ status: 'named' });
    // Named: too late to withdraw (refused by the validator, or by Temporal once the run has ended with the grant).
    await expect(handle.executeUpdate(withdrawStudioUpdate, { args: [{ reason: 'late', actor: OFFICE }] })).rejects.toThrow();
    await record(handle, 'named');
  });

  it.each([
    ['failed at screening', 'rejected', (h: WorkflowHandle) => screen(h, 'fail', checks([STANDARD[0]]), OFFICE, '场地不足')],
    ['withdrawn by its applicant', 'withdrawn', (h: WorkflowHandle) => h.executeUpdate(withdrawStudioUpdate, { args: [{ reason: '大师退休', actor: UNIT }] })],
    [
      'not approved by the leadership group',
      'not_approved',
      async (h: WorkflowHandle) => {
        await screen(h, 'pass');
        return decide(h, 'approval-3', false, '本批名额已满');
      },
    ],
  ])('ends %s, with the reason, and no grant', async (_what, status, end) => {
    const { id, handle } = await apply();
    const closed = await end(handle);
    expect(closed).toMatchObject({ status, closure: { kind: status, reason: expect.any(String) }, namedOn: null, grant: null });
    expect(await handle.result()).toEqual(closed);
    expect(store.grantsOf(id)).toEqual([]);
    expect(store.lastReport(id)!.state.status).toBe(status);
    await record(handle, status.replace('_', '-'));
  });
});
