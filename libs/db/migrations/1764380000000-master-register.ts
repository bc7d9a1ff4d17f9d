import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public register of named masters (GET /public/masters): what the office publishes of each master
 * beyond what the file holds. `limited`: the master asked for their entry to show their name and year
 * only; `deeds`: the deeds the office published for the programme's columns (null until it does). A
 * master without a row shows in full, without deeds.
 */
export class MasterRegister1764380000000 implements MigrationInterface {
  name = 'MasterRegister1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE master_register (
        candidate_id uuid PRIMARY KEY REFERENCES candidates(id),
        limited boolean NOT NULL DEFAULT false,
        deeds text NULL CHECK (deeds IS NULL OR char_length(deeds) BETWEEN 1 AND 2000),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE master_register`);
  }
}
