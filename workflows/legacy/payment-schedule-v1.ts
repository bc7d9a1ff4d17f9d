import { allHandlersFinished, condition, patched, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentTaskRequest } from '../../activities/payment.activities';
import type { StatusReport } from '../../activities/review.activities';
import {
  HAND_OVER_TO_SCHEDULE_V2_PATCH,
  SA_STAGE,
  SA_STATUS,
  shanghaiDate,
  shanghaiMidnight,
  subsidyDueAt,
  type CandidateStateV2,
  type CandidateStatus,
  type PaymentRecord,
  type PaymentScheduleInputV1,
  type PaymentScheduleInputV2,
} from '../../libs/contract';
import { StatusProjection } from '../status-projection';

export interface ScheduleEffects {
  now(): string;
  createPaymentTask(req: PaymentTaskRequest): Promise<{ taskId: string }>;
  syncStatus(report: StatusReport): Promise<void>;
  handOver(input: PaymentScheduleInputV2): Promise<never>;
}

/**
 * Frozen (v1; ../payment-schedule holds v2). A named master's money: the one-time bonus on the
 * commendation date, then the living subsidy, instalment n falling due on the 1st of the n-th month
 * after the commendation month (Asia/Shanghai), until the last month or until the master leaves
 * Ouhai to work elsewhere (离开瓯海工作不享受). Every instalment is a finance task created exactly once (the store's unique key makes retries safe).
 */
export class PaymentScheduleV1 {
  readonly state: CandidateStateV2;
  private readonly projection: StatusProjection;

  constructor(
    private readonly input: PaymentScheduleInputV1,
    private readonly fx: ScheduleEffects,
  ) {
    this.state = input.file;
    this.projection = new StatusProjection(input.candidateId, this.state, (r) => fx.syncStatus(r), input.projectionSeq);
  }

  /** A departure or its correction was recorded on the state (../departure-handlers.ts): report it. */
  reportChange(): void {
    this.projection.changed();
  }

  async run(): Promise<CandidateStateV2> {
    this.projection.changed();
    this.projection.start();
    const { terms } = this.input;
    const commendedAtMs = Date.parse(this.input.commendedAt);
    if (!this.paid('bonus', 0)) await this.pay({ kind: 'bonus', instalment: 0, amountFen: terms.bonusFen, dueOn: shanghaiDate(commendedAtMs) });

    for (let n = this.nextInstalment(); n <= terms.subsidyMonths; n++) {
      const dueAt = subsidyDueAt(commendedAtMs, n);
      const departedByDue = () => this.state.departure !== null && shanghaiMidnight(this.state.departure.leftOn) <= dueAt;
      const wait = dueAt - Date.now();
      const departed = wait > 0 ? await condition(departedByDue, wait) : departedByDue();
      // A run still open moves to v2 at its next instalment or departure: its history stops growing
      // and its departure can be corrected. Recorded v1 histories lack the marker and keep their path.
      if (patched(HAND_OVER_TO_SCHEDULE_V2_PATCH)) return this.handOver();
      if (departed) return this.finish('subsidy_stopped');
      await this.pay({ kind: 'subsidy', instalment: n, amountFen: terms.subsidyMonthlyFen, dueOn: shanghaiDate(dueAt) });
    }
    return this.finish('completed');
  }

  /** The v2 schedule carries on from here: same state, same terms (the 1st of the month), same sequence. */
  private async handOver(): Promise<never> {
    await condition(() => this.projection.flushed() && allHandlersFinished());
    return this.fx.handOver({ ...this.input, file: this.state, projectionSeq: this.projection.lastSeq });
  }

  private async finish(status: CandidateStatus): Promise<CandidateStateV2> {
    Object.assign(this.state, { stage: 'closed', status, stageEnteredAt: this.fx.now(), dueAt: null });
    this.projection.changed();
    upsertSearchAttributes([
      { key: SA_STAGE, value: 'closed' },
      { key: SA_STATUS, value: status },
    ]);
    await condition(() => this.projection.flushed());
    return this.state;
  }

  private async pay(p: Omit<PaymentRecord, 'taskId'>): Promise<void> {
    const { taskId } = await this.fx.createPaymentTask({ candidateId: this.input.candidateId, ...p });
    this.state.payments.push({ ...p, taskId });
    this.projection.changed();
  }

  private paid(kind: PaymentRecord['kind'], instalment: number): boolean {
    return this.state.payments.some((p) => p.kind === kind && p.instalment === instalment);
  }

  /** Instalments already made (by an earlier run of the chain) are not made again. */
  private nextInstalment(): number {
    return this.state.payments.filter((p) => p.kind === 'subsidy').reduce((n, p) => Math.max(n, p.instalment), 0) + 1;
  }
}
