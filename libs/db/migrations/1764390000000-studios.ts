import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'applied','returned','screened','named','rejected','not_approved','withdrawn'`;

/**
 * Demonstration studios named after masters (示范性工作室, the notice's §五(五)): batches opened every
 * two years with their creation standard (创建标准, a checklist per batch) and the leadership group's
 * approval; each studio's application (its workflow writes `status`, `state` and the naming date here,
 * in order by `seq`); its apprentices ("1+N" 名师带徒: people, so kept here and never in a workflow).
 * A studio's grant is a payment instruction with `studio_id` set, now bound to the studio.
 */
export class Studios1764390000000 implements MigrationInterface {
  name = 'Studios1764390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE studio_batches (
        id uuid PRIMARY KEY,
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 2017 AND 2100),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        criteria jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array' AND jsonb_array_length(criteria) > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The leadership group's decision: { approvalId, approved: [id], notApproved: [{ studioId, reason }] }.
        approval jsonb NULL,
        approved_by text NULL,
        approved_at timestamptz NULL,
        CONSTRAINT studio_batches_window CHECK (closes_at > opens_at),
        CONSTRAINT studio_batches_approval CHECK ((approval IS NULL) = (approved_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE studios (
        id uuid PRIMARY KEY,
        batch_id uuid NOT NULL REFERENCES studio_batches(id),
        master_id uuid NOT NULL REFERENCES candidates(id),
        name text NOT NULL,
        host_unit text NOT NULL,
        premises text NOT NULL,
        trade text NOT NULL,
        plan text NOT NULL,
        submitted_by text NOT NULL,
        submitted_role text NOT NULL,
        submitted_issuer text NULL,
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'applied' CHECK (status IN (${STATUSES})),
        seq integer NOT NULL DEFAULT 0,
        state jsonb NULL,
        named_on date NULL,
        grant_task_id uuid NULL REFERENCES payment_tasks(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT studios_named_has_date CHECK ((status = 'named') = (named_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX studios_batch ON studios (batch_id)`);
    await q.query(`CREATE INDEX studios_master ON studios (master_id)`);
    // One demonstration studio named after each master.
    await q.query(`CREATE UNIQUE INDEX studios_one_named_per_master ON studios (master_id) WHERE status = 'named'`);
    await q.query(`
      CREATE TABLE studio_apprentices (
        id uuid PRIMARY KEY,
        studio_id uuid NOT NULL REFERENCES studios(id),
        name text NOT NULL,
        start_on date NOT NULL,
        end_on date NULL,
        -- { skillLevel?, competition?: { name, year, placing }, note? }
        outcome jsonb NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NULL,
        updated_at timestamptz NULL,
        CONSTRAINT studio_apprentices_dates CHECK (end_on IS NULL OR end_on >= start_on)
      )`);
    await q.query(`CREATE INDEX studio_apprentices_studio ON studio_apprentices (studio_id, start_on)`);
    await q.query(`ALTER TABLE payment_tasks ADD CONSTRAINT payment_tasks_studio FOREIGN KEY (studio_id) REFERENCES studios(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment_tasks DROP CONSTRAINT payment_tasks_studio`);
    await q.query(`DROP TABLE studio_apprentices`);
    await q.query(`DROP TABLE studios`);
    await q.query(`DROP TABLE studio_batches`);
  }
}
