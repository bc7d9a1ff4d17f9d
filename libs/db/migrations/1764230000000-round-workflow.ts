import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The round workflow's projection beyond the vote (the notice, the ceremony, the leadership
 * group's ranking and each entry's outcome with its reason), and the public's objections.
 */
export class RoundWorkflow1764230000000 implements MigrationInterface {
  name = 'RoundWorkflow1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rounds
      ADD COLUMN public_notice_ms bigint NULL,
      ADD COLUMN notice_starts_at timestamptz NULL,
      ADD COLUMN notice_ends_at timestamptz NULL,
      ADD COLUMN ceremony_date date NULL,
      ADD COLUMN workflow_id text NULL`);
    await q.query(`ALTER TABLE round_entries
      ADD COLUMN votes integer NULL,
      ADD COLUMN vote_score_centi integer NULL,
      ADD COLUMN combined_centi integer NULL,
      ADD COLUMN combined_rank integer NULL,
      ADD COLUMN reason text NULL,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX round_entries_outcome ON round_entries (round_id, outcome)`);
    // An objection (异议) during the public notice: who objects and how to reach them (sealed), and
    // the office's resolution. The round workflow decides; this row is what the office and auditors read.
    await q.query(`
      CREATE TABLE objections (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES rounds(id),
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        objector_name text NOT NULL,
        contact_cipher text NOT NULL,
        grounds text NOT NULL,
        ip_hash text NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
        resolution_reason text NULL,
        resolved_by text NULL,
        resolved_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX objections_round ON objections (round_id, filed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE objections`);
    await q.query(`DROP INDEX round_entries_outcome`);
    await q.query(`ALTER TABLE round_entries DROP COLUMN votes, DROP COLUMN vote_score_centi, DROP COLUMN combined_centi,
      DROP COLUMN combined_rank, DROP COLUMN reason, DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE rounds DROP COLUMN public_notice_ms, DROP COLUMN notice_starts_at, DROP COLUMN notice_ends_at,
      DROP COLUMN ceremony_date, DROP COLUMN workflow_id`);
  }
}
