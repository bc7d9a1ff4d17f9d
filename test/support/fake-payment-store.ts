import type { PaymentTaskRequest, PaymentTaskStore, ScheduleRecord, ScheduleStore, SubsidyStopStore } from '../../activities';

export interface FakePaymentRow extends PaymentTaskRequest {
  taskId: string;
  status: 'open' | 'paid' | 'cancelled';
  cancelReason?: string;
  recoveryReason?: string;
}

type Method = 'createOnce' | 'cancelFrom' | 'flagRecoveryFrom' | 'restoreBefore';

/**
 * In-memory stand-in for the payment table, with its uniqueness rule and a departure's effects, for
 * workflow tests. `hold` parks a method's next calls until released, to stop an activity mid-flight.
 */
export class FakePaymentStore implements PaymentTaskStore, SubsidyStopStore, ScheduleStore {
  readonly rows = new Map<string, FakePaymentRow>();
  /** The last record each schedule wrote of itself, by candidate. */
  readonly schedules = new Map<string, ScheduleRecord>();
  calls = 0;
  private readonly holds = new Map<Method, { reached: () => void; released: Promise<void> }>();

  async createOnce(req: PaymentTaskRequest) {
    await this.gate('createOnce');
    this.calls++;
    const key = `${req.candidateId}/${req.kind}/${req.instalment}`;
    const existing = this.rows.get(key);
    if (existing) return { taskId: existing.taskId, created: false };
    const taskId = `task-${this.rows.size + 1}`;
    this.rows.set(key, { ...req, taskId, status: 'open' });
    return { taskId, created: true };
  }

  async cancelFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    await this.gate('cancelFrom');
    const from = this.subsidies(candidateId).filter((r) => r.dueOn >= fromDate);
    for (const r of from.filter((r) => r.status === 'open')) Object.assign(r, { status: 'cancelled', cancelReason: reason });
    return from.filter((r) => r.status === 'cancelled').map((r) => r.instalment);
  }

  async flagRecoveryFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    await this.gate('flagRecoveryFrom');
    const from = this.subsidies(candidateId).filter((r) => r.dueOn >= fromDate);
    for (const r of from.filter((r) => r.status === 'paid' && !r.recoveryReason)) r.recoveryReason = reason;
    return from.filter((r) => r.recoveryReason).map((r) => r.instalment);
  }

  async restoreBefore(candidateId: string, beforeDate: string | null): Promise<number[]> {
    await this.gate('restoreBefore');
    const changed: number[] = [];
    for (const r of this.subsidies(candidateId).filter((r) => beforeDate === null || r.dueOn < beforeDate)) {
      if (r.status === 'cancelled') Object.assign(r, { status: 'open', cancelReason: undefined });
      else if (r.recoveryReason) r.recoveryReason = undefined;
      else continue;
      changed.push(r.instalment);
    }
    return changed;
  }

  async recordSchedule(record: ScheduleRecord): Promise<void> {
    this.schedules.set(record.candidateId, { ...record });
  }

  /** Finance records the payment of an instalment (kind `subsidy` unless said). */
  markPaid(candidateId: string, instalment: number, kind: PaymentTaskRequest['kind'] = 'subsidy'): void {
    const row = this.rows.get(`${candidateId}/${kind}/${instalment}`);
    if (!row || row.status !== 'open') throw new Error(`no open ${kind} ${instalment} for ${candidateId}`);
    row.status = 'paid';
  }

  /** Parks the next calls of `method` until the returned `release()`; `reached` resolves when one arrives. */
  hold(method: Method): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    this.holds.set(method, { reached, released });
    return {
      reached: arrived,
      release: () => {
        this.holds.delete(method);
        release();
      },
    };
  }

  forCandidate(candidateId: string): FakePaymentRow[] {
    return [...this.rows.values()].filter((r) => r.candidateId === candidateId);
  }

  subsidies(candidateId: string): FakePaymentRow[] {
    return this.forCandidate(candidateId)
      .filter((r) => r.kind === 'subsidy')
      .sort((a, b) => a.instalment - b.instalment);
  }

  private async gate(method: Method): Promise<void> {
    const hold = this.holds.get(method);
    if (!hold) return;
    hold.reached();
    await hold.released;
  }
}
