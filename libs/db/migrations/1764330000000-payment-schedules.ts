import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each running payment schedule's terms, departure and status, written by the schedule itself
 * (activity `recordSchedule`, behind the `record-schedule` patch): finance's forecast projects the
 * subsidy instalments not yet created from them.
 *
 * Schedules already running record themselves at their next run (within a month). Until then this
 * migration derives a row from what the inbox holds, for masters still being paid: commended on the
 * bonus's due date, the bonus's amount, the subsidy's amount from an instalment already made (else
 * the notice's 800 yuan), 24 months, and the due day of the instalments made (else the 1st). The
 * month each instalment falls in does not depend on the due day, so the forecast's months are right;
 * a departure recorded for a date still ahead is not known here and is picked up at the next run.
 */
export class PaymentSchedules1764330000000 implements MigrationInterface {
  name = 'PaymentSchedules1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_schedules (
        candidate_id uuid PRIMARY KEY REFERENCES candidates(id),
        round_id uuid NULL,
        commended_on date NOT NULL,
        bonus_fen bigint NOT NULL CHECK (bonus_fen >= 0),
        subsidy_monthly_fen bigint NOT NULL CHECK (subsidy_monthly_fen >= 0),
        subsidy_months integer NOT NULL CHECK (subsidy_months >= 0),
        subsidy_due_day integer NOT NULL CHECK (subsidy_due_day BETWEEN 1 AND 31),
        left_on date NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_schedules_running ON payment_schedules (status) WHERE status <> 'completed'`);
    await q.query(`
      INSERT INTO payment_schedules (candidate_id, round_id, commended_on, bonus_fen, subsidy_monthly_fen, subsidy_months, subsidy_due_day, left_on, status)
      SELECT b.candidate_id, c.round_id, b.due_on, b.amount_fen,
             coalesce((SELECT max(t.amount_fen) FROM payment_tasks t WHERE t.candidate_id = b.candidate_id AND t.kind = 'subsidy' AND t.studio_id IS NULL), 80000),
             24,
             coalesce((SELECT max(extract(day FROM t.due_on))::int FROM payment_tasks t WHERE t.candidate_id = b.candidate_id AND t.kind = 'subsidy' AND t.studio_id IS NULL), 1),
             NULL, 'paying'
        FROM payment_tasks b
        JOIN candidates c ON c.id = b.candidate_id
        JOIN candidate_status s ON s.candidate_id = b.candidate_id
       WHERE b.kind = 'bonus' AND b.studio_id IS NULL AND b.attempt = 1 AND s.status = 'paying'
      ON CONFLICT (candidate_id) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_schedules`);
  }
}
