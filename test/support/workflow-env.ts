import { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomBytes } from 'node:crypto';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  createPaymentActivities,
  createReviewActivities,
  createRoundActivities,
  createScheduleActivities,
  createSubsidyStopActivities,
  type CohortMessenger,
  type PaymentTaskStore,
  type ScheduleStore,
  type SubsidyStopStore,
  type ReviewStore,
  type RoundStore,
} from '../../activities';
import { FakeReviewStore } from './fake-review-store';
import { TASK_QUEUE, type CandidateInputV2, type Channel, type ReviewPlanV1 } from '../../libs/contract';
import { testServerBinary } from '../../libs/dev/temporal-dev-server';
import { encryptingDataConverter, FAILURE_CONVERTER_PATH } from '../../libs/temporal/encryption-codec';
import { ensureSearchAttributes } from '../../libs/temporal/search-attributes';

/**
 * The data converter of the test environment's client and workers, as in production: every payload
 * is encrypted (a key of this test file's own). Readers of a history decode it through the client
 * that fetched it (libs/temporal/decode-history.ts).
 */
export const testDataConverter = encryptingDataConverter({ keys: new Map([['test', randomBytes(32)]]), activeKeyId: 'test', suite: 'aes-256-gcm' });

export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerBinary() } },
    client: { dataConverter: testDataConverter },
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The workflow bundle, built once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: quietLogger });
  return bundle;
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

/** The round's activities for a workflow test: its store, and how decisions reach the files. */
export interface RoundDeps {
  store: RoundStore;
  send: CohortMessenger;
}

export async function testWorker(
  env: TestWorkflowEnvironment,
  store: PaymentTaskStore & SubsidyStopStore & ScheduleStore,
  review: ReviewStore = new FakeReviewStore(),
  taskQueue = TASK_QUEUE,
  round?: RoundDeps,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    dataConverter: testDataConverter,
    workflowBundle: await workflowBundle(),
    activities: {
      ...createPaymentActivities(store),
      ...createSubsidyStopActivities(store),
      ...createScheduleActivities(store),
      ...createReviewActivities(review),
      ...(round && createRoundActivities(round.store, round.send)),
    },
  });
}

export function candidateInput(
  candidateId: string,
  channel: Channel = 'organisational',
  overrides: Partial<CandidateInputV2['settings']> = {},
  review: Partial<ReviewPlanV1> = {},
): CandidateInputV2 {
  return {
    candidateId,
    roundId: null,
    channel,
    submittedBy: { userId: 'unit-1', role: 'nominator' },
    settings: { publicNoticeMs: 7 * 864e5, bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24, subsidyDueDay: 10, ...overrides },
    review: { deadlines: {}, reminderLeadMs: 2 * 864e5, prechecks: [], conditions: ['superb_skill', 'leading_role'], minPanelSize: 5, ...review },
  };
}

/**
 * One time-skipping server and one worker for a test file. The worker is not stopped between tests:
 * the test server holds time still while an activity task handed to a stopping worker times out.
 */
export function workflowSuite(store: PaymentTaskStore & SubsidyStopStore & ScheduleStore): { env: TestWorkflowEnvironment } {
  const suite = {} as { env: TestWorkflowEnvironment };
  let running: Promise<void> | undefined;
  let stop: (() => void) | undefined;
  beforeAll(async () => {
    suite.env = await timeSkippingEnv();
    const worker = await testWorker(suite.env, store);
    running = worker.run();
    stop = () => worker.shutdown();
  });
  afterAll(async () => {
    stop?.();
    await running;
    await suite.env?.teardown();
  });
  return suite;
}
