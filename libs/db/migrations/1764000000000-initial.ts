import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidates (
        id uuid PRIMARY KEY,
        round_id uuid,
        channel text NOT NULL CHECK (channel IN ('organisational','association','self','competition')),
        name text NOT NULL,
        id_number_cipher text NOT NULL,
        id_number_index text NOT NULL,
        mobile_cipher text NOT NULL,
        employer text NOT NULL,
        industry text NOT NULL,
        trade text NOT NULL,
        years_of_work integer NOT NULL,
        skill_level text NOT NULL,
        submitted_by text NOT NULL,
        submitted_role text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX candidates_id_number_index ON candidates (id_number_index)`);
    await q.query(`
      CREATE TABLE payment_tasks (
        id uuid PRIMARY KEY,
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        kind text NOT NULL CHECK (kind IN ('bonus','subsidy','studio_grant')),
        instalment integer NOT NULL CHECK (instalment >= 0),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','paid')),
        reference text,
        paid_at timestamptz,
        paid_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_tasks_once UNIQUE (candidate_id, kind, instalment),
        CONSTRAINT payment_tasks_paid_has_reference CHECK (status = 'open' OR reference IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX payment_tasks_status_due ON payment_tasks (status, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_tasks`);
    await q.query(`DROP TABLE candidates`);
  }
}
