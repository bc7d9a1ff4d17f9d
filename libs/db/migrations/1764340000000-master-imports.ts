import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Masters named on paper before the service existed (2017 on) come in through an import. A person is
 * imported once: the ID number's blind index is the key, and the digest of the records imported
 * tells a repeated import (nothing changes) from one that says something else (refused). Paper files
 * carry neither the years of work, the skill level nor always a mobile number.
 */
export class MasterImports1764340000000 implements MigrationInterface {
  name = 'MasterImports1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imported_masters (
        candidate_id uuid PRIMARY KEY REFERENCES candidates(id),
        id_number_index text NOT NULL UNIQUE,
        round_year integer NOT NULL CHECK (round_year >= 2017),
        commended_on date NOT NULL,
        record_digest text NOT NULL,
        -- The paper payments as the schedule's first run was given them (a repeated import restarts it alike).
        payments jsonb NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE candidates
      DROP CONSTRAINT candidates_channel_check,
      ADD CONSTRAINT candidates_channel_check CHECK (channel IN ('organisational','association','self','competition','imported')),
      ALTER COLUMN years_of_work DROP NOT NULL,
      ALTER COLUMN skill_level DROP NOT NULL,
      ALTER COLUMN mobile_cipher DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Imported files have no place in the old schema: they go with their instructions.
    const imported = `SELECT candidate_id FROM imported_masters`;
    await q.query(`DELETE FROM payment_task_events WHERE task_id IN (SELECT id FROM payment_tasks WHERE candidate_id IN (${imported}))`);
    for (const table of ['payment_tasks', 'candidate_status', 'candidate_versions']) await q.query(`DELETE FROM ${table} WHERE candidate_id IN (${imported})`);
    await q.query(`CREATE TEMP TABLE gone AS ${imported}`);
    await q.query(`DROP TABLE imported_masters`);
    await q.query(`DELETE FROM candidates WHERE id IN (SELECT candidate_id FROM gone)`);
    await q.query(`ALTER TABLE candidates
      DROP CONSTRAINT candidates_channel_check,
      ADD CONSTRAINT candidates_channel_check CHECK (channel IN ('organisational','association','self','competition')),
      ALTER COLUMN years_of_work SET NOT NULL,
      ALTER COLUMN skill_level SET NOT NULL,
      ALTER COLUMN mobile_cipher SET NOT NULL`);
  }
}
