import type { PaymentTaskRequest, PaymentTaskStore } from '../../activities';

/** In-memory stand-in for the payment table, with its uniqueness rule, for workflow tests. */
export class FakePaymentStore implements PaymentTaskStore {
  readonly rows = new Map<string, PaymentTaskRequest & { taskId: string }>();
  calls = 0;

  async createOnce(req: PaymentTaskRequest) {
    this.calls++;
    const key = `${req.candidateId}/${req.kind}/${req.instalment}`;
    const existing = this.rows.get(key);
    if (existing) return { taskId: existing.taskId, created: false };
    const taskId = `task-${this.rows.size + 1}`;
    this.rows.set(key, { ...req, taskId });
    return { taskId, created: true };
  }

  forCandidate(candidateId: string) {
    return [...this.rows.values()].filter((r) => r.candidateId === candidateId);
  }
}
