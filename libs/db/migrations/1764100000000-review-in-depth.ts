import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The full application form, annual rounds, attachments, versions, panels, projections and the refusal log. */
export class ReviewInDepth1764100000000 implements MigrationInterface {
  name = 'ReviewInDepth1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rounds (
        id uuid PRIMARY KEY,
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        quota integer NOT NULL CHECK (quota > 0),
        nomination_opens_at timestamptz NOT NULL,
        nomination_closes_at timestamptz NOT NULL,
        review_closes_at timestamptz NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (nomination_opens_at < nomination_closes_at AND nomination_closes_at < review_closes_at)
      )`);
    await q.query(`ALTER TABLE candidates
      ADD COLUMN area text,
      ADD COLUMN home_address_cipher text,
      ADD COLUMN form jsonb,
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD CONSTRAINT candidates_round_fk FOREIGN KEY (round_id) REFERENCES rounds(id)`);
    // One nomination per person per round; rows from before rounds existed have no round.
    await q.query(`CREATE UNIQUE INDEX candidates_once_per_round ON candidates (round_id, id_number_index) WHERE round_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE candidate_versions (
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        version integer NOT NULL,
        form jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (candidate_id, version)
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        kind text NOT NULL CHECK (kind IN ('id_proof','years_proof','skill_certificate','honour','achievement_proof','other')),
        filename text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/jpeg','image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_candidate ON attachments (candidate_id)`);
    // What the workflow last reported about itself: the inbox and the ranking read this, not Temporal.
    await q.query(`
      CREATE TABLE candidate_status (
        candidate_id uuid PRIMARY KEY REFERENCES candidates(id),
        stage text NOT NULL,
        status text NOT NULL,
        due_at timestamptz,
        score_centi integer,
        panel jsonb NOT NULL DEFAULT '[]',
        seq integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX candidate_status_stage ON candidate_status (stage, status)`);
    await q.query(`
      CREATE TABLE stage_alerts (
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        stage text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reminder','escalation')),
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (candidate_id, stage, kind)
      )`);
    await q.query(`
      CREATE TABLE refused_decisions (
        id bigserial PRIMARY KEY,
        candidate_id uuid,
        user_id text NOT NULL,
        role text NOT NULL,
        action text NOT NULL,
        request jsonb NOT NULL,
        http_status integer NOT NULL,
        refusal text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refused_decisions_candidate ON refused_decisions (candidate_id, at)`);
    await q.query(`
      CREATE TABLE inspection_batches (
        id uuid PRIMARY KEY,
        round_id uuid REFERENCES rounds(id),
        name text NOT NULL,
        planned_on date NOT NULL,
        members jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE candidates ADD COLUMN inspection_batch_id uuid REFERENCES inspection_batches(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates DROP COLUMN inspection_batch_id`);
    for (const t of ['inspection_batches', 'refused_decisions', 'stage_alerts', 'candidate_status', 'attachments', 'candidate_versions']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP INDEX candidates_once_per_round`);
    await q.query(`ALTER TABLE candidates DROP CONSTRAINT candidates_round_fk, DROP COLUMN area, DROP COLUMN home_address_cipher, DROP COLUMN form, DROP COLUMN version`);
    await q.query(`DROP TABLE rounds`);
  }
}
