import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A departure stops the subsidy: instructions not yet paid for a month the master no longer works in
 * Ouhai are cancelled with the reason, and those already paid are flagged for recovery (追回). A
 * corrected departure reverses either, so both keep their reason and time rather than deleting rows.
 */
export class SubsidyStops1764330000000 implements MigrationInterface {
  name = 'SubsidyStops1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT payment_tasks_status_check`);
    await q.query(`ALTER TABLE payment_tasks ADD CONSTRAINT payment_tasks_status_check CHECK (status IN ('open','paid','cancelled'))`);
    await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT payment_tasks_paid_has_reference`);
    await q.query(`ALTER TABLE payment_tasks ADD CONSTRAINT payment_tasks_paid_has_reference CHECK (status <> 'paid' OR reference IS NOT NULL)`);
    await q.query(`ALTER TABLE payment_tasks
      ADD COLUMN cancel_reason text NULL,
      ADD COLUMN cancelled_at timestamptz NULL,
      ADD COLUMN recovery_reason text NULL,
      ADD COLUMN recovery_flagged_at timestamptz NULL,
      ADD CONSTRAINT payment_tasks_cancelled_has_reason CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL),
      ADD CONSTRAINT payment_tasks_recovery_only_paid CHECK (recovery_reason IS NULL OR status = 'paid')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_tasks
      DROP CONSTRAINT payment_tasks_recovery_only_paid,
      DROP CONSTRAINT payment_tasks_cancelled_has_reason,
      DROP COLUMN recovery_flagged_at,
      DROP COLUMN recovery_reason,
      DROP COLUMN cancelled_at,
      DROP COLUMN cancel_reason`);
    await q.query(`UPDATE payment_tasks SET status = 'open' WHERE status = 'cancelled'`);
    await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT payment_tasks_paid_has_reference`);
    await q.query(`ALTER TABLE payment_tasks ADD CONSTRAINT payment_tasks_paid_has_reference CHECK (status = 'open' OR reference IS NOT NULL)`);
    await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT payment_tasks_status_check`);
    await q.query(`ALTER TABLE payment_tasks ADD CONSTRAINT payment_tasks_status_check CHECK (status IN ('open','paid'))`);
  }
}
