import type { PaymentKind } from '../libs/contract';

export interface PaymentTaskRequest {
  candidateId: string;
  kind: PaymentKind;
  instalment: number;
  amountFen: number;
  dueOn: string; // YYYY-MM-DD, Asia/Shanghai
}

/** What the activities need from storage; the worker supplies the TypeORM-backed store. */
export interface PaymentTaskStore {
  /** Inserts the task unless one exists for (candidate, kind, instalment); returns that task's id either way. */
  createOnce(req: PaymentTaskRequest): Promise<{ taskId: string; created: boolean }>;
}

export function createPaymentActivities(store: PaymentTaskStore) {
  return {
    /**
     * Idempotent: a retried or replayed activity finds the task it created before, so finance never
     * receives the same instalment twice.
     */
    async createPaymentTask(req: PaymentTaskRequest): Promise<{ taskId: string }> {
      const { taskId } = await store.createOnce(req);
      return { taskId };
    },
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
