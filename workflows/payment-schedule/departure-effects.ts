import type { SubsidyStopActivities } from '../../activities/payment.activities';
import type { CandidateStateV2, PaymentRecord } from '../../libs/contract';

/**
 * Brings the finance inbox in line with the file's departure, from the departure it last settled:
 * instructions due on or after the day the master left are cancelled if unpaid and flagged for
 * recovery (追回) if paid; a date moved later, or a departure removed, gives back the months between.
 * The inbox is only asked about instructions that exist, so a departure in the future costs nothing.
 */
export class DepartureEffects {
  constructor(
    private readonly candidateId: string,
    private readonly state: CandidateStateV2,
    private readonly fx: SubsidyStopActivities,
    /** The departure date whose effects the inbox holds (null: none). */
    public settledLeftOn: string | null,
  ) {}

  needsSettling(): boolean {
    return (this.state.departure?.leftOn ?? null) !== this.settledLeftOn;
  }

  async settle(reason: string): Promise<void> {
    const leftOn = this.state.departure?.leftOn ?? null;
    const before = this.settledLeftOn;
    if (leftOn === before) return;
    const { candidateId } = this;
    const created = this.state.payments.filter((p) => p.kind === 'subsidy');
    const between = (p: PaymentRecord) => before !== null && p.dueOn >= before && (leftOn === null || p.dueOn < leftOn);
    if (created.some(between)) await this.fx.restoreSubsidiesBefore({ candidateId, beforeDate: leftOn, reason });

    let effects = { cancelled: [] as number[], recovery: [] as number[] };
    if (leftOn !== null && created.some((p) => p.dueOn >= leftOn)) {
      const cancelled = await this.fx.cancelSubsidiesFrom({ candidateId, fromDate: leftOn, reason });
      const recovery = await this.fx.flagSubsidiesForRecovery({ candidateId, fromDate: leftOn, reason });
      effects = { cancelled, recovery };
    }
    this.settledLeftOn = leftOn;
    // A correction taken while the inbox answered is settled next; its effects are written then.
    if (this.state.departure && this.state.departure.leftOn === leftOn) Object.assign(this.state.departure, effects);
  }
}
