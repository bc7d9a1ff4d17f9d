import { AuditLog, poolOf } from '../../../libs/audit';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import {
  createPaymentActivities,
  createRetentionActivities,
  createReviewActivities,
  createRoundActivities,
  createScheduleActivities,
  createStudioActivities,
  createSubsidyStopActivities,
} from '../../../activities';
import { candidateWorkflowId, cohortDecisionSignal, stateQuery, type CohortDecisionV1 } from '../../../libs/contract';

import {
  NotificationOutbox,
  PaymentEffectsRepository,
  PaymentScheduleRepository,
  PaymentTaskRepository,
  RetentionRepository,
  ReviewRepository,
  RoundRepository,
  StudioRepository,
  SCHEDULE_ACTOR,
} from '../../../libs/db';
import { ensureRetentionSchedule } from '../../../libs/temporal/retention-schedule';
import { encryptingDataConverter } from '../../../libs/temporal/encryption-codec';
import { ensureSearchAttributes } from '../../../libs/temporal/search-attributes';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { PiiCipher } from '../../../libs/security/pii';
import { channelsFor } from './notifications/channels';
import { NotificationSender } from './notifications/notification-sender';

/**
 * Owns the worker's connection and run loop. Shutdown drains: `worker.shutdown()` lets in-flight
 * activities finish, then the promise `run()` returned settles, then the connection closes.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(WorkerService.name);
  private connection?: NativeConnection;
  private clientConnection?: Connection;
  private worker?: Worker;
  private running?: Promise<void>;
  private sender?: NotificationSender;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    this.clientConnection = await Connection.connect({ address });
    await ensureSearchAttributes(this.clientConnection, namespace);
    // The round's fan-out signals the files through a client of its own.
    // One data converter for the worker and its client: every payload leaves this process encrypted.
    const dataConverter = encryptingDataConverter(this.config.pii);
    const client = new Client({ connection: this.clientConnection, namespace, dataConverter });
    const sendCohortDecision = async (candidateId: string, decision: CohortDecisionV1) => {
      await client.workflow
        .getHandle(candidateWorkflowId(candidateId))
        .signal(cohortDecisionSignal, decision)
        // A file that has already ended (withdrawn, rejected) is no longer listening: nothing to deliver.
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        });
    };
    const liveScore = async (candidateId: string) => {
      // Only a file that no longer exists has no score; any other failure fails the activity, which is
      // retried, rather than leave a reviewed file off the list as if its review were unfinished.
      const state = await client.workflow
        .getHandle(candidateWorkflowId(candidateId))
        .query(stateQuery)
        .catch((err: unknown) => {
          if (err instanceof WorkflowNotFoundError) return null;
          throw err;
        });
      return state?.closure ? null : (state?.expertScore?.scoreCenti ?? null);
    };

    this.connection = await NativeConnection.connect({ address });
    const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
    // The worker's own acts (a round's phase changes, the instructions it creates, the retention sweep's erasures) go on the same audit chain.
    const audit = new AuditLog(poolOf(this.ds), this.config.audit.hashAlgorithm);
    const ROUND_WORKFLOW_ACTOR = { issuer: 'system', userId: 'round-workflow', role: 'system' };
    // The outbox: the files' reports enqueue notifications in their own transactions; the sender below delivers them.
    const cipher = new PiiCipher(this.config.pii);
    const notifier = { policy: this.config.notify, seal: (plain: string) => cipher.encrypt(plain) };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      dataConverter,
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../../workflows') }),
      activities: {
        // Each instruction the schedule creates (the bonus, each month's subsidy) is recorded in the insert's own transaction: once, whatever retries.
        ...createPaymentActivities(new PaymentTaskRepository(this.ds), (task, query) =>
          audit.appendWithin(query, {
            actor: { issuer: 'system', userId: SCHEDULE_ACTOR, role: 'system' },
            action: 'payment.instruction_created',
            objectType: 'payment',
            objectId: task.taskId,
            candidateId: task.candidateId,
            roundId: task.roundId,
            detail: { kind: task.kind, instalment: task.instalment, attempt: 1, amountFen: task.amountFen, dueOn: task.dueOn },
          }),
        ),
        ...createSubsidyStopActivities(new PaymentEffectsRepository(new PaymentTaskRepository(this.ds))),
        ...createScheduleActivities(new PaymentScheduleRepository(this.ds)),
        ...createReviewActivities(new ReviewRepository(this.ds, notifier)),
        // A studio's grant goes through the bonus's exactly-once path (PaymentTaskRepository.createOnce).
        ...createStudioActivities(new StudioRepository(this.ds), new PaymentTaskRepository(this.ds)),
        ...createRoundActivities(new RoundRepository(this.ds), sendCohortDecision, liveScore, this.config.round.fanOutParallel, (roundId, from, to, query) =>
          audit.appendWithin(query, {
            actor: ROUND_WORKFLOW_ACTOR,
            action: 'round.phase_changed',
            objectType: 'round',
            objectId: roundId,
            roundId,
            detail: { from, to },
          }),
        ),
        ...createRetentionActivities(
          new RetentionRepository(this.ds),
          { retentionMs: this.config.retention.piiMs, batchSize: this.config.retention.sweepBatch },
          (candidateId, retentionMs) =>
            audit.append({
              actor: { issuer: 'system', userId: 'retention-sweep', role: 'system' },
              action: 'personal_data_erased',
              objectType: 'candidate',
              objectId: candidateId,
              candidateId,
              detail: { retentionMs, erased: ['idNumber', 'mobile', 'homeAddress', 'bankAccount', 'attachments'] },
            }),
        ),
      },
    });
    if (await ensureRetentionSchedule(client, taskQueue)) this.log.log(`created the daily retention sweep schedule for '${taskQueue}'`);
    this.running = this.worker.run();
    // A worker that stops on its own (fatal error) takes the process down, so a supervisor restarts it.
    this.running.catch((err) => {
      this.log.error(`worker stopped: ${(err as Error).message}`);
      process.exit(1);
    });
    this.log.log(`worker polling '${taskQueue}' on ${address} (${namespace})`);
    this.sender = new NotificationSender(new NotificationOutbox(this.ds), channelsFor(this.config.notify), (sealed) => cipher.decrypt(sealed), this.config.notify);
    this.sender.start();
  }

  /** Workflow runs held in the worker's cache (sticky, replayed no more), null before it starts: for benchmarks and diagnostics. */
  cachedWorkflows(): number | null {
    return this.worker?.getStatus().numCachedWorkflows ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sender?.stop();
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
    await this.clientConnection?.close();
  }
}
