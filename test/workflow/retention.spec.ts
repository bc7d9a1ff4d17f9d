import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createRetentionActivities, type RetentionStore } from '../../activities';
import { retentionSweepWorkflow } from '../../workflows';
import { testDataConverter, timeSkippingEnv, workflowBundle } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 120_000));

/** A backlog of files past retention, handed out batch by batch, each at most once. */
class Backlog implements RetentionStore {
  calls = 0;
  constructor(private pending: string[]) {}
  async eraseExpired(_retentionMs: number, batchSize: number): Promise<string[]> {
    this.calls++;
    return this.pending.splice(0, batchSize);
  }
}

describe('retentionSweepWorkflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function sweep(store: Backlog, batchSize: number) {
    const taskQueue = `retention-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: testDataConverter,
      workflowBundle: await workflowBundle(),
      activities: createRetentionActivities(store, { retentionMs: 1000, batchSize }),
    });
    return worker.runUntil(env.client.workflow.execute(retentionSweepWorkflow, { taskQueue, workflowId: `sweep-${randomUUID()}`, args: [] }));
  }

  it('erases batch after batch until one comes back short', async () => {
    const store = new Backlog(Array.from({ length: 5 }, () => randomUUID()));
    expect(await sweep(store, 2)).toEqual({ erased: 5, batches: 3 });
    expect(store.calls).toBe(3);
  });

  it('does nothing but look once when nothing is due', async () => {
    const store = new Backlog([]);
    expect(await sweep(store, 100)).toEqual({ erased: 0, batches: 1 });
  });

  it('continues as new past 200 batches, carrying its count, so a large backlog never grows one history unbounded', async () => {
    const store = new Backlog(Array.from({ length: 450 }, () => randomUUID()));
    expect(await sweep(store, 1)).toEqual({ erased: 450, batches: 451 });
  });
});
