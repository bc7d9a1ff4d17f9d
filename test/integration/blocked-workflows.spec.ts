import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { client, eventually, startApi } from '../support/service';

jest.setTimeout(240_000);

/**
 * §3 of the money issue: a workflow whose code no longer fits its history is left blocked for
 * repair — running, its task retrying — never failed; /health counts such workflows.
 */
describe('workflows blocked for repair (real Temporal dev server)', () => {
  const taskQueue = `it-blocked-${randomUUID()}`;
  let api: Awaited<ReturnType<typeof startApi>>;
  let temporal: Client;
  let worker: Worker;
  let running: Promise<void>;
  let nativeConnection: NativeConnection;

  beforeAll(async () => {
    api = await startApi({ TEMPORAL_TASK_QUEUE: taskQueue });
    temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }) });
    nativeConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowsPath: require.resolve('../support/broken.workflow') });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await temporal?.connection.close();
    await api?.close();
  });

  it('keeps the workflow running with its task retrying, and /health counts it until it is dealt with', async () => {
    const http = client(api.url);
    const blocked = async () => ((await http.get('/health')).body as { workflows: { blocked: number } }).workflows.blocked;
    expect(await blocked()).toEqual(expect.any(Number));
    const workflowId = `it-blocked-${randomUUID()}`;
    const flagged = async () =>
      (await temporal.workflow.count(`WorkflowId = '${workflowId}' AND TemporalReportedProblems IS NOT NULL AND ExecutionStatus = 'Running'`)).count;

    const handle = await temporal.workflow.start('brokenWorkflow', { taskQueue, workflowId });
    // The server flags a workflow after two consecutive task failures; the second waits for its retry.
    await eventually(flagged, (n) => n === 1, 180_000, 1_000);
    expect(await blocked()).toBeGreaterThanOrEqual(1);
    const described = await handle.describe();
    expect(described.status.name).toBe('RUNNING');
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowTaskFailedEventAttributes)).toBe(true);
    expect(history.events?.some((e) => e.workflowExecutionFailedEventAttributes)).toBe(false);

    // An operator terminates (or resets) it: no longer counted (the flag stays on the closed run; the count is of running ones).
    const withIt = await blocked();
    await handle.terminate('repaired by the operator');
    await eventually(flagged, (n) => n === 0, 60_000, 1_000);
    expect(await blocked()).toBeLessThan(withIt);
  });
});
