import type { DepartureEffectsRequest, DepartureUndoRequest, InstructionSummary, PaymentTaskRequest, PaymentTaskStore } from '../../activities';

type Row = PaymentTaskRequest & { taskId: string; status: 'due' | 'paid' | 'cancelled'; recovery: boolean };

/** In-memory stand-in for the payment table, with its uniqueness rule and a departure's effects, for workflow tests. */
export class FakePaymentStore implements PaymentTaskStore {
  readonly rows = new Map<string, Row>();
  calls = 0;

  async createOnce(req: PaymentTaskRequest) {
    this.calls++;
    const key = `${req.candidateId}/${req.kind}/${req.instalment}`;
    const existing = this.rows.get(key);
    if (existing) return { taskId: existing.taskId, created: false };
    const taskId = `task-${this.rows.size + 1}`;
    this.rows.set(key, { ...req, taskId, status: 'due', recovery: false });
    return { taskId, created: true };
  }

  async cancelUnpaidFrom(req: DepartureEffectsRequest) {
    const hit = this.subsidies(req.candidateId).filter((r) => r.dueOn >= req.leftOn);
    for (const r of hit) if (r.status === 'due') r.status = 'cancelled';
    return hit.filter((r) => r.status === 'cancelled').map(summary);
  }

  async flagPaidFrom(req: DepartureEffectsRequest) {
    const hit = this.subsidies(req.candidateId).filter((r) => r.dueOn >= req.leftOn && r.status === 'paid');
    for (const r of hit) r.recovery = true;
    return hit.map(summary);
  }

  async undoDepartureBefore(req: DepartureUndoRequest) {
    const hit = this.subsidies(req.candidateId).filter((r) => req.leftOn === null || r.dueOn < req.leftOn);
    const restored = hit.filter((r) => r.status === 'cancelled');
    const cleared = hit.filter((r) => r.recovery);
    for (const r of restored) r.status = 'due';
    for (const r of cleared) r.recovery = false;
    return { restored: restored.map(summary), cleared: cleared.map(summary) };
  }

  forCandidate(candidateId: string) {
    return [...this.rows.values()].filter((r) => r.candidateId === candidateId);
  }

  private subsidies(candidateId: string) {
    return this.forCandidate(candidateId).filter((r) => r.kind === 'subsidy');
  }
}

function summary(r: Row): InstructionSummary {
  return { taskId: r.taskId, kind: r.kind, instalment: r.instalment, attempt: 1, amountFen: r.amountFen, dueOn: r.dueOn, status: r.status };
}
