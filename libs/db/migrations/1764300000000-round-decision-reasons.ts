import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reasons of a large round decision (the formal list names every candidate of a re-review list
 * that can run to 10,000, each with a reason), stored by the API before it sends the decision by ids:
 * the reasons would not fit in one Temporal message. The round copies them into `round_entries`.
 */
export class RoundDecisionReasons1764300000000 implements MigrationInterface {
  name = 'RoundDecisionReasons1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE round_decision_reasons (
        reasons_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        round_id uuid NOT NULL REFERENCES rounds(id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (reasons_id, candidate_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE round_decision_reasons`);
  }
}
