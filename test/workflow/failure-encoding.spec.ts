import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { ConflictException, ForbiddenException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PaymentTaskRequest } from '../../activities';
import { toHttpError } from '../../apps/api/src/common/temporal-errors';
import {
  candidateWorkflowId,
  decideUpdate,
  FailureType,
  initialCandidateState,
  PAYMENT_SCHEDULE_V2_WORKFLOW,
  TASK_QUEUE,
  type CandidateStateV2,
  type DecisionRequestV2,
  type PaymentScheduleInputV2,
} from '../../libs/contract';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';
import { candidateFileWorkflow } from '../../workflows';
import { FakePaymentStore } from '../support/fake-payment-store';
import { candidateInput, testDataConverter, testWorker, timeSkippingEnv } from '../support/workflow-env';

jest.setTimeout(Number(process.env.WF_TIMEOUT ?? 120_000));

/** What a failing store might say: text that must never sit in Temporal in clear. */
const LEAKY = `connection refused while writing for 欧阳测试 13800138000 ${randomUUID().slice(0, 8)}`;

/** The store refuses the instructions of the candidates named, for good (not retried), with a message naming a person. */
class RefusingStore extends FakePaymentStore {
  readonly refuse = new Set<string>();
  override async createOnce(req: PaymentTaskRequest) {
    if (this.refuse.has(req.candidateId)) throw ApplicationFailure.nonRetryable(LEAKY, 'StoreRefused');
    return super.createOnce(req);
  }
}

/** A history as JSON, bytes shown as text: what an operator sees of it without the codec. */
const asText = (node: unknown) => JSON.stringify(node, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));

/**
 * Failures' messages and stack traces are encoded through the payload codec
 * (libs/temporal/failure-converter.ts): the history and the server's Update outcomes hold only
 * "Encoded failure"; the client, the API's error mapping and the history reader get the text back.
 */
describe('failure messages in Temporal (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const store = new RefusingStore();

  beforeAll(async () => {
    env = await timeSkippingEnv();
    worker = await testWorker(env, store);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it("keeps a failed activity's message, and its workflow's, out of the raw history; decoded, they are back", async () => {
    const id = randomUUID();
    store.refuse.add(id);
    const commendedAt = new Date(await env.currentTimeMs()).toISOString();
    const file: CandidateStateV2 = { ...initialCandidateState(candidateInput(id), commendedAt), stage: 'payments', status: 'paying', commendedAt };
    const input: PaymentScheduleInputV2 = {
      candidateId: id,
      roundId: null,
      commendedAt,
      terms: { bonusFen: 2_000_000, subsidyMonthlyFen: 80_000, subsidyMonths: 24, subsidyDueDay: 10 },
      file,
      projectionSeq: 0,
    };
    const handle = await env.client.workflow.start(PAYMENT_SCHEDULE_V2_WORKFLOW, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [input] });
    // The client decodes the failure chain through its data converter: the schedule failed on the bonus, and why.
    const failed = await handle.result().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkflowFailedError);
    expect((failed as WorkflowFailedError).cause).toMatchObject({ activityType: 'createPaymentTask', cause: { type: 'StoreRefused', message: LEAKY } });

    const failures = (history: temporal.api.history.v1.IHistory) => {
      const activity = history.events!.find((e) => e.activityTaskFailedEventAttributes)!.activityTaskFailedEventAttributes!.failure!;
      const workflow = history.events!.find((e) => e.workflowExecutionFailedEventAttributes)!.workflowExecutionFailedEventAttributes!.failure!;
      return { activity, workflow };
    };
    // Raw, as the Temporal database, `temporal workflow show` and the UI hold it: the type in clear, the text sealed.
    const raw = await handle.fetchHistory();
    const { activity, workflow } = failures(raw);
    expect(activity).toMatchObject({ message: 'Encoded failure', stackTrace: '', applicationFailureInfo: { type: 'StoreRefused', nonRetryable: true } });
    expect(workflow).toMatchObject({ message: 'Encoded failure', stackTrace: '', cause: { message: 'Encoded failure', stackTrace: '' } });
    for (const f of [activity, workflow, workflow.cause!]) expect(Buffer.from(f.encodedAttributes!.metadata!.encoding!).toString()).toBe('binary/encrypted');
    const text = asText(raw);
    for (const clear of [LEAKY, '欧阳测试', '13800138000', 'connection refused', 'RefusingStore']) expect(text).not.toContain(clear);

    // Through the codec (the API's history reader): the messages and the stack are back.
    const decoded = failures(await fetchDecodedHistory(handle));
    expect(decoded.activity).toMatchObject({ message: LEAKY, stackTrace: expect.stringContaining('RefusingStore') });
    expect(decoded.workflow).toMatchObject({ message: 'Activity task failed', cause: { message: LEAKY } });
  });

  it("keeps a refused Update's message out of what the server answers, and the API still maps it by type with its message", async () => {
    const id = randomUUID();
    const handle = await env.client.workflow.start(candidateFileWorkflow, { workflowId: candidateWorkflowId(id), taskQueue: TASK_QUEUE, args: [candidateInput(id)] });
    const wrongStage: DecisionRequestV2 = { stage: 'qualification', outcome: 'approve', reason: 'too early', actor: { userId: 'office-1', role: 'union_office' } };

    // Raw: the Update sent over the service API itself, its outcome as the server keeps and answers it.
    const [arg] = await testDataConverter.payloadCodecs![0].encode([defaultPayloadConverter.toPayload(wrongStage)]);
    const { outcome } = await env.client.workflowService.updateWorkflowExecution({
      namespace: env.namespace ?? 'default',
      workflowExecution: { workflowId: handle.workflowId },
      request: { meta: { updateId: randomUUID(), identity: 'failure-encoding test' }, input: { name: decideUpdate.name, args: { payloads: [arg] } } },
      waitPolicy: { lifecycleStage: temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED },
    });
    const failure = outcome!.failure!;
    expect(failure).toMatchObject({ message: 'Encoded failure', stackTrace: '', applicationFailureInfo: { type: FailureType.WrongStage, nonRetryable: true } });
    expect(asText(failure)).not.toMatch(/qualification|endorsement/);

    // Through the client's data converter: the type and the text, and the API's answer from them.
    const refused = await handle.executeUpdate(decideUpdate, { args: [wrongStage] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: FailureType.WrongStage, message: "the candidate is at stage 'endorsement', not 'qualification'" });
    const http = toHttpError(refused);
    expect(http).toBeInstanceOf(ConflictException);
    expect((http as ConflictException).message).toBe("the candidate is at stage 'endorsement', not 'qualification'");

    const wrongRole = await handle.executeUpdate(decideUpdate, { args: [{ ...wrongStage, stage: 'endorsement' }] }).catch((e: unknown) => toHttpError(e));
    expect(wrongRole).toBeInstanceOf(ForbiddenException);
    expect((wrongRole as ForbiddenException).message).toContain("belongs to 'street_union'");
  });
});
