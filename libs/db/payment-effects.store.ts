import type { InstructionSummary, SubsidyStopStore } from '../../activities/payment.activities';
import { PaymentTaskRepository, SCHEDULE_ACTOR } from './payment-task.store';

/** Each instalment once, in order, whatever its attempts. */
const instalments = (rows: InstructionSummary[]) => [...new Set(rows.map((r) => r.instalment))].sort((a, b) => a - b);

/**
 * A departure's effects as the payment schedule asks for them, carried out by the finance inbox's own
 * steps (PaymentTaskRepository): one place decides what cancelling, flagging for recovery and undoing
 * mean, and every step lands in the instruction's history with its reason. The schedule acts on the
 * office's behalf; the person who recorded the departure is in the workflow's history.
 */
export class PaymentEffectsRepository implements SubsidyStopStore {
  private readonly actor = { userId: SCHEDULE_ACTOR, role: 'union_office' as const };

  constructor(private readonly inbox: PaymentTaskRepository) {}

  async cancelFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    return instalments(await this.inbox.cancelUnpaidFrom({ candidateId, leftOn: fromDate, reason, actor: this.actor }));
  }

  async flagRecoveryFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    return instalments(await this.inbox.flagPaidFrom({ candidateId, leftOn: fromDate, reason, actor: this.actor }));
  }

  async restoreBefore(candidateId: string, beforeDate: string | null, reason: string): Promise<number[]> {
    const { restored, cleared } = await this.inbox.undoDepartureBefore({ candidateId, leftOn: beforeDate, reason, actor: this.actor });
    return instalments([...restored, ...cleared]);
  }
}
