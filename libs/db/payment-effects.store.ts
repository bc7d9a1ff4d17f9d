import type { DataSource } from 'typeorm';
import type { SubsidyStopStore } from '../../activities/payment.activities';

const SUBSIDIES = `candidate_id = $1 AND kind = 'subsidy'`;
const instalments = (rows: Array<{ instalment: number }>) => rows.map((r) => Number(r.instalment));

/**
 * A departure's effects on the payment tasks in PostgreSQL. Each is one statement, so a task is
 * never half-changed; an UPDATE in a CTE is invisible to its own SELECT, hence the UNION of what this
 * call changed with what an earlier call (a retry) already had.
 */
export class PaymentEffectsRepository implements SubsidyStopStore {
  constructor(private readonly ds: DataSource) {}

  async cancelFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    return instalments(
      await this.ds.query(
        `WITH cancelled AS (
           UPDATE payment_tasks SET status = 'cancelled', cancel_reason = $3, cancelled_at = now()
           WHERE ${SUBSIDIES} AND due_on >= $2 AND status = 'open' RETURNING instalment)
         SELECT instalment FROM cancelled
         UNION SELECT instalment FROM payment_tasks WHERE ${SUBSIDIES} AND due_on >= $2 AND status = 'cancelled'
         ORDER BY 1`,
        [candidateId, fromDate, reason],
      ),
    );
  }

  async flagRecoveryFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]> {
    return instalments(
      await this.ds.query(
        `WITH flagged AS (
           UPDATE payment_tasks SET recovery_reason = $3, recovery_flagged_at = now()
           WHERE ${SUBSIDIES} AND due_on >= $2 AND status = 'paid' AND recovery_reason IS NULL RETURNING instalment)
         SELECT instalment FROM flagged
         UNION SELECT instalment FROM payment_tasks WHERE ${SUBSIDIES} AND due_on >= $2 AND recovery_reason IS NOT NULL
         ORDER BY 1`,
        [candidateId, fromDate, reason],
      ),
    );
  }

  async restoreBefore(candidateId: string, beforeDate: string | null, _reason: string): Promise<number[]> {
    // The reason of the correction lives in the workflow's history, which the auditor's timeline reads.
    const before = `($2::date IS NULL OR due_on < $2::date)`;
    return instalments(
      await this.ds.query(
        `WITH reopened AS (
           UPDATE payment_tasks SET status = 'open', cancel_reason = NULL, cancelled_at = NULL
           WHERE ${SUBSIDIES} AND ${before} AND status = 'cancelled' RETURNING instalment),
         cleared AS (
           UPDATE payment_tasks SET recovery_reason = NULL, recovery_flagged_at = NULL
           WHERE ${SUBSIDIES} AND ${before} AND recovery_reason IS NOT NULL RETURNING instalment)
         SELECT instalment FROM reopened UNION SELECT instalment FROM cleared ORDER BY 1`,
        [candidateId, beforeDate],
      ),
    );
  }
}
