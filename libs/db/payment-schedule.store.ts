import type { DataSource } from 'typeorm';
import type { ScheduleRecord, ScheduleStore } from '../../activities/payment.activities';

/**
 * The payment schedules' own record of their terms, departure and status (`payment_schedules`), one
 * row per master, upserted by the schedule: what finance's forecast projects the subsidy from.
 */
export class PaymentScheduleRepository implements ScheduleStore {
  constructor(private readonly ds: DataSource) {}

  async recordSchedule(r: ScheduleRecord): Promise<void> {
    await this.ds.query(
      `INSERT INTO payment_schedules (candidate_id, round_id, commended_on, bonus_fen, subsidy_monthly_fen, subsidy_months, subsidy_due_day, left_on, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (candidate_id) DO UPDATE SET
         round_id = EXCLUDED.round_id, commended_on = EXCLUDED.commended_on, bonus_fen = EXCLUDED.bonus_fen,
         subsidy_monthly_fen = EXCLUDED.subsidy_monthly_fen, subsidy_months = EXCLUDED.subsidy_months,
         subsidy_due_day = EXCLUDED.subsidy_due_day, left_on = EXCLUDED.left_on, status = EXCLUDED.status, updated_at = now()`,
      [r.candidateId, r.roundId, r.commendedOn, r.bonusFen, r.subsidyMonthlyFen, r.subsidyMonths, r.subsidyDueDay, r.leftOn, r.status],
    );
  }
}
