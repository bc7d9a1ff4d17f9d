import { allHandlersFinished, condition, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { PaymentTaskRequest, ScheduleRecord, SubsidyStopActivities } from '../../activities/payment.activities';
import type { StatusReport } from '../../activities/review.activities';
import {
  FailureType,
  RECORD_SCHEDULE_PATCH,
  correctDeparture,
  recordDeparture,
  refuseDeparture,
  refuseDepartureCorrection,
  SA_STAGE,
  SA_STATUS,
  shanghaiDate,
  subsidyDueAt,
  subsidyOwed,
  type CandidateStateV2,
  type CandidateStatus,
  type DepartureCorrectionV1,
  type DepartureRequestV1,
  type PaymentRecord,
  type PaymentScheduleInputV2,
  type Refusal,
} from '../../libs/contract';
import { StatusProjection } from '../status-projection';
import { DepartureEffects } from './departure-effects';

export interface ScheduleEffects extends SubsidyStopActivities {
  now(): string;
  createPaymentTask(req: PaymentTaskRequest): Promise<{ taskId: string }>;
  syncStatus(report: StatusReport): Promise<void>;
  recordSchedule(record: ScheduleRecord): Promise<void>;
  continueAsNew(input: PaymentScheduleInputV2): Promise<never>;
}

export interface ScheduleOptions {
  /** Instalments a run creates before it continues-as-new: its history stays a few dozen events. */
  instalmentsPerRun: number;
}

/**
 * A named master's money (v2): the bonus on the commendation date, then instalment n of the living
 * subsidy on the terms' due day of the n-th month after the commendation month (the 1st when the
 * terms predate the setting), Asia/Shanghai. A month is owed only while the master still works in
 * Ouhai on its due date (离开瓯海工作不享受). Each run creates what falls due, then continues-as-new.
 * After a departure the schedule stays open, parked on one timer, until its term ends — one month
 * after the last due date — so the office can still correct it, and a departure recorded late still
 * reaches the months already paid.
 */
export class PaymentSchedule {
  readonly state: CandidateStateV2;
  private readonly projection: StatusProjection;
  private readonly departure: DepartureEffects;
  private readonly commendedAtMs: number;
  /** Bumped by every departure change: wakes the main loop. */
  private revision = 0;
  private createdThisRun = 0;
  /** The inbox's writes, one at a time: an instalment being created is settled by the departure that follows it. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly input: PaymentScheduleInputV2,
    private readonly fx: ScheduleEffects,
    private readonly options: ScheduleOptions = { instalmentsPerRun: 1 },
  ) {
    this.state = input.file;
    this.commendedAtMs = Date.parse(input.commendedAt);
    this.projection = new StatusProjection(input.candidateId, this.state, (r) => fx.syncStatus(r), input.projectionSeq);
    this.departure = new DepartureEffects(input.candidateId, this.state, fx, input.settledLeftOn ?? null);
  }

  refuseDeparture(req: DepartureRequestV1): Refusal | null {
    return this.refuseIfEnded() ?? refuseDeparture(this.state, req);
  }

  refuseCorrection(req: DepartureCorrectionV1): Refusal | null {
    return this.refuseIfEnded() ?? refuseDepartureCorrection(this.state, req);
  }

  /** Answers once the inbox has the departure's effects, so the reply shows what was cancelled or flagged. */
  async recordDeparture(req: DepartureRequestV1): Promise<CandidateStateV2> {
    recordDeparture(this.state, req, this.fx.now());
    return this.departureChanged(req.reason);
  }

  async correctDeparture(req: DepartureCorrectionV1): Promise<CandidateStateV2> {
    correctDeparture(this.state, req, this.fx.now());
    return this.departureChanged(req.reason);
  }

  async run(): Promise<CandidateStateV2> {
    // The run before reported everything before it handed over: only a change is reported again.
    this.projection.start();
    this.refreshStatus();
    await this.record();
    const { terms } = this.input;
    if (!this.created('bonus', 0)) await this.pay({ kind: 'bonus', instalment: 0, amountFen: terms.bonusFen, dueOn: shanghaiDate(this.commendedAtMs) });
    // A departure taken by the file, or by a v1 run, before this type took over.
    if (this.departure.needsSettling()) await this.exclusive(() => this.departure.settle(this.lastReason()));

    for (;;) {
      const n = this.nextInstalment();
      const owed = n <= terms.subsidyMonths && this.owed(n);
      if (owed && Date.now() >= this.dueAt(n)) {
        if ((await this.exclusive(() => this.createInstalment(n))) && ++this.createdThisRun >= this.options.instalmentsPerRun && n < terms.subsidyMonths) {
          return this.continueAsNew();
        }
        continue;
      }
      const wakeAt = owed ? this.dueAt(n) : this.dueAt(terms.subsidyMonths + 1);
      const seen = this.revision;
      if (Date.now() >= wakeAt) {
        // The term is over. A correction still in flight may make a month owed again: it goes first.
        await condition(allHandlersFinished);
        if (this.revision === seen) return this.finish();
        continue;
      }
      if (workflowInfo().continueAsNewSuggested) return this.continueAsNew();
      await condition(() => this.revision !== seen, wakeAt - Date.now());
    }
  }

  private async departureChanged(reason: string): Promise<CandidateStateV2> {
    this.revision++;
    this.refreshStatus();
    this.projection.changed();
    await this.exclusive(() => this.departure.settle(reason));
    await this.record();
    return this.state;
  }

  /**
   * Writes the terms, the departure and the status for finance's forecast, in the inbox's queue so a
   * later write always carries the later state. Behind a patch: it adds commands to running histories.
   */
  private async record(): Promise<void> {
    if (!patched(RECORD_SCHEDULE_PATCH)) return;
    await this.exclusive(() => this.fx.recordSchedule(this.scheduleRecord()));
  }

  private scheduleRecord(): ScheduleRecord {
    const { candidateId, roundId, terms } = this.input;
    return {
      candidateId,
      roundId,
      commendedOn: shanghaiDate(this.commendedAtMs),
      bonusFen: terms.bonusFen,
      subsidyMonthlyFen: terms.subsidyMonthlyFen,
      subsidyMonths: terms.subsidyMonths,
      subsidyDueDay: terms.subsidyDueDay ?? 1,
      leftOn: this.state.departure?.leftOn ?? null,
      status: this.state.status,
    };
  }

  /** Re-checks the departure inside the queue: one recorded while the instalment waited its turn wins. */
  private async createInstalment(n: number): Promise<boolean> {
    if (!this.owed(n) || this.created('subsidy', n)) return false;
    await this.pay({ kind: 'subsidy', instalment: n, amountFen: this.input.terms.subsidyMonthlyFen, dueOn: this.dueOn(n) });
    this.refreshStatus();
    return true;
  }

  private async pay(p: Omit<PaymentRecord, 'taskId'>): Promise<void> {
    const { taskId } = await this.fx.createPaymentTask({ candidateId: this.input.candidateId, ...p });
    // Payments are not in the status report (the finance inbox lists them): nothing to report.
    this.state.payments.push({ ...p, taskId });
  }

  private exclusive<T>(write: () => Promise<T>): Promise<T> {
    const turn = this.writes.then(write);
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  /** Waits for every Update in flight and every status report, then carries the state into the next run. */
  private async continueAsNew(): Promise<never> {
    await condition(() => this.projection.flushed() && allHandlersFinished());
    return this.fx.continueAsNew({ ...this.input, file: this.state, projectionSeq: this.projection.lastSeq, settledLeftOn: this.departure.settledLeftOn });
  }

  /** Closes with the final status; Updates that arrive from here on are refused. */
  private async finish(): Promise<CandidateStateV2> {
    const status: CandidateStatus = this.stopped() ? 'subsidy_stopped' : 'completed';
    Object.assign(this.state, { stage: 'closed', status, stageEnteredAt: this.fx.now(), dueAt: null });
    this.projection.changed();
    upsertSearchAttributes([
      { key: SA_STAGE, value: 'closed' },
      { key: SA_STATUS, value: status },
    ]);
    await this.record();
    await condition(() => this.projection.flushed() && allHandlersFinished());
    return this.state;
  }

  private refreshStatus(): void {
    const status: CandidateStatus = this.stopped() ? 'subsidy_stopped' : 'paying';
    if (this.state.status === status) return;
    this.state.status = status;
    this.projection.changed();
    upsertSearchAttributes([{ key: SA_STATUS, value: status }]);
  }

  private refuseIfEnded(): Refusal | null {
    if (this.state.stage !== 'closed') return null;
    return { type: FailureType.CandidateClosed, message: `the payment schedule has ended (${this.state.status})` };
  }

  /** The subsidy has stopped once the departure cuts off the next instalment (or the last, when all are made). */
  private stopped(): boolean {
    return !this.owed(Math.min(this.nextInstalment(), this.input.terms.subsidyMonths));
  }

  private owed(n: number): boolean {
    return n < 1 || subsidyOwed(this.state.departure, this.dueOn(n));
  }

  private dueAt(n: number): number {
    return subsidyDueAt(this.commendedAtMs, n, this.input.terms.subsidyDueDay ?? 1);
  }

  private dueOn(n: number): string {
    return shanghaiDate(this.dueAt(n));
  }

  private created(kind: PaymentRecord['kind'], instalment: number): boolean {
    return this.state.payments.some((p) => p.kind === kind && p.instalment === instalment);
  }

  /**
   * The first instalment not yet made. The schedule makes them in order; a master imported from paper
   * records may have a gap (a month never paid), which is made first, before the months after it.
   */
  private nextInstalment(): number {
    const made = new Set(this.state.payments.filter((p) => p.kind === 'subsidy').map((p) => p.instalment));
    let n = 1;
    while (made.has(n)) n++;
    return n;
  }

  private lastReason(): string {
    return this.state.departureCorrections?.at(-1)?.reason ?? this.state.departure?.reason ?? '';
  }
}
