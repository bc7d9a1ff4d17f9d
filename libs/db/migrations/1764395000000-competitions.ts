import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skill competitions (职工技能竞赛, the notice's 赛) and their results, recorded by the programme office.
 * A competition-channel nomination may link the result it rests on (`candidates.competition_result_id`)
 * instead of retyping it; qualification's pre-checks compare the file with that record.
 */
export class Competitions1764395000000 implements MigrationInterface {
  name = 'Competitions1764395000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE competitions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        trade text NOT NULL,
        held_on date NOT NULL,
        level text NOT NULL CHECK (level IN ('district','city','provincial','national')),
        organiser text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX competitions_held_on ON competitions (held_on DESC)`);
    await q.query(`
      CREATE TABLE competition_results (
        id uuid PRIMARY KEY,
        competition_id uuid NOT NULL REFERENCES competitions(id),
        competitor_name text NOT NULL,
        employer text NOT NULL,
        place integer NOT NULL CHECK (place >= 1),
        award text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX competition_results_competition ON competition_results (competition_id, place)`);
    await q.query(`ALTER TABLE candidates ADD COLUMN competition_result_id uuid NULL REFERENCES competition_results(id)`);
    await q.query(`CREATE INDEX candidates_competition_result ON candidates (competition_result_id) WHERE competition_result_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates DROP COLUMN competition_result_id`);
    await q.query(`DROP TABLE competition_results`);
    await q.query(`DROP TABLE competitions`);
  }
}
