import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'due','approved','paid','failed','reissued','cancelled'`;

/**
 * Payment tasks become payment instructions with four eyes (one clerk approves, another records the
 * payment), attempts (a failed instruction is reissued as a new attempt of the same instalment), and
 * the effects of a departure (cancelled, or paid and to be recovered, 追回). The database itself keeps
 * the rules that move money: one paid attempt per instalment, one live attempt per instalment, the
 * approver never the payer, a paid instruction always with its reference and date.
 */
export class PaymentInstructions1764320000000 implements MigrationInterface {
  name = 'PaymentInstructions1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_tasks
      DROP CONSTRAINT payment_tasks_paid_has_reference,
      DROP CONSTRAINT payment_tasks_status_check,
      DROP CONSTRAINT payment_tasks_once,
      ADD COLUMN studio_id uuid NULL,
      ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
      ADD COLUMN paid_on date NULL,
      ADD COLUMN approved_by text NULL,
      ADD COLUMN approved_at timestamptz NULL,
      ADD COLUMN failed_by text NULL,
      ADD COLUMN failed_at timestamptz NULL,
      ADD COLUMN failure_reason text NULL,
      ADD COLUMN reissued_by text NULL,
      ADD COLUMN reissued_at timestamptz NULL,
      ADD COLUMN reissue_reason text NULL,
      ADD COLUMN cancelled_by text NULL,
      ADD COLUMN cancelled_at timestamptz NULL,
      ADD COLUMN cancellation_reason text NULL,
      ADD COLUMN cancelled_from text NULL CHECK (cancelled_from IN ('due','approved','failed')),
      ADD COLUMN recovery boolean NOT NULL DEFAULT false,
      ADD COLUMN recovery_by text NULL,
      ADD COLUMN recovery_at timestamptz NULL,
      ADD COLUMN recovery_reason text NULL`);
    // Tasks confirmed before this release: paid on the Shanghai date they were recorded, approved by nobody (no four eyes then).
    await q.query(`UPDATE payment_tasks SET status = 'due' WHERE status = 'open'`);
    await q.query(`UPDATE payment_tasks SET paid_on = (paid_at AT TIME ZONE 'Asia/Shanghai')::date WHERE status = 'paid'`);
    await q.query(`ALTER TABLE payment_tasks
      ALTER COLUMN status SET DEFAULT 'due',
      ADD CONSTRAINT payment_tasks_status CHECK (status IN (${STATUSES})),
      ADD CONSTRAINT payment_tasks_once UNIQUE NULLS NOT DISTINCT (candidate_id, studio_id, kind, instalment, attempt),
      ADD CONSTRAINT payment_tasks_studio_grant CHECK (studio_id IS NULL OR kind = 'studio_grant'),
      ADD CONSTRAINT payment_tasks_approved_has_approver CHECK (status <> 'approved' OR approved_by IS NOT NULL),
      ADD CONSTRAINT payment_tasks_paid_has_reference
        CHECK (status <> 'paid' OR (reference IS NOT NULL AND btrim(reference) <> '' AND paid_on IS NOT NULL AND paid_by IS NOT NULL)),
      ADD CONSTRAINT payment_tasks_four_eyes CHECK (approved_by IS NULL OR paid_by IS NULL OR approved_by <> paid_by),
      ADD CONSTRAINT payment_tasks_failed_has_reason CHECK (status NOT IN ('failed','reissued') OR failure_reason IS NOT NULL),
      ADD CONSTRAINT payment_tasks_cancelled_has_reason CHECK (status <> 'cancelled' OR (cancellation_reason IS NOT NULL AND cancelled_from IS NOT NULL)),
      ADD CONSTRAINT payment_tasks_recovery_is_paid CHECK (NOT recovery OR (status = 'paid' AND recovery_reason IS NOT NULL))`);
    // At most one attempt of an instalment is ever paid, and at most one is live (not superseded by a reissue).
    await q.query(`CREATE UNIQUE INDEX payment_tasks_one_paid ON payment_tasks (candidate_id, studio_id, kind, instalment) NULLS NOT DISTINCT
      WHERE status = 'paid'`);
    await q.query(`CREATE UNIQUE INDEX payment_tasks_one_live ON payment_tasks (candidate_id, studio_id, kind, instalment) NULLS NOT DISTINCT
      WHERE status <> 'reissued'`);
    await q.query(`CREATE INDEX payment_tasks_due ON payment_tasks (due_on, candidate_id)`);
    await q.query(`CREATE INDEX payment_tasks_candidate ON payment_tasks (candidate_id, due_on)`);
    // Every step on an instruction, in order: the columns hold where it stands, these rows how it got there.
    await q.query(`
      CREATE TABLE payment_task_events (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES payment_tasks(id),
        step text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        reason text NULL,
        detail jsonb NULL
      )`);
    await q.query(`CREATE INDEX payment_task_events_task ON payment_task_events (task_id, id)`);
    // The payee's bank account on the master's file: the number sealed like the ID number.
    await q.query(`ALTER TABLE candidates
      ADD COLUMN bank_name text NULL,
      ADD COLUMN bank_account_cipher text NULL,
      ADD COLUMN bank_account_name text NULL,
      ADD COLUMN bank_account_by text NULL,
      ADD COLUMN bank_account_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates DROP COLUMN bank_name, DROP COLUMN bank_account_cipher, DROP COLUMN bank_account_name,
      DROP COLUMN bank_account_by, DROP COLUMN bank_account_at`);
    await q.query(`DROP TABLE payment_task_events`);
    for (const index of ['payment_tasks_candidate', 'payment_tasks_due', 'payment_tasks_one_live', 'payment_tasks_one_paid']) await q.query(`DROP INDEX ${index}`);
    // Superseded attempts and cancellations have no place in the old table.
    await q.query(`DELETE FROM payment_tasks WHERE attempt > 1`);
    for (const c of [
      'payment_tasks_status',
      'payment_tasks_once',
      'payment_tasks_studio_grant',
      'payment_tasks_approved_has_approver',
      'payment_tasks_paid_has_reference',
      'payment_tasks_four_eyes',
      'payment_tasks_failed_has_reason',
      'payment_tasks_cancelled_has_reason',
      'payment_tasks_recovery_is_paid',
    ])
      await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT ${c}`);
    await q.query(`UPDATE payment_tasks SET status = 'open' WHERE status <> 'paid'`);
    await q.query(`ALTER TABLE payment_tasks
      ALTER COLUMN status SET DEFAULT 'open',
      ADD CONSTRAINT payment_tasks_status_check CHECK (status IN ('open','paid')),
      ADD CONSTRAINT payment_tasks_once UNIQUE (candidate_id, kind, instalment),
      ADD CONSTRAINT payment_tasks_paid_has_reference CHECK (status = 'open' OR reference IS NOT NULL),
      DROP COLUMN studio_id, DROP COLUMN attempt, DROP COLUMN paid_on, DROP COLUMN approved_by, DROP COLUMN approved_at,
      DROP COLUMN failed_by, DROP COLUMN failed_at, DROP COLUMN failure_reason, DROP COLUMN reissued_by, DROP COLUMN reissued_at,
      DROP COLUMN reissue_reason, DROP COLUMN cancelled_by, DROP COLUMN cancelled_at, DROP COLUMN cancellation_reason,
      DROP COLUMN cancelled_from, DROP COLUMN recovery, DROP COLUMN recovery_by, DROP COLUMN recovery_at, DROP COLUMN recovery_reason`);
  }
}
