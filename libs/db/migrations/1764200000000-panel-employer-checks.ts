import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The record of recusals by employer: automatic ones and the office's confirmations of near matches. */
export class PanelEmployerChecks1764200000000 implements MigrationInterface {
  name = 'PanelEmployerChecks1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE panel_employer_checks (
        id bigserial PRIMARY KEY,
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        expert_user_id text NOT NULL,
        expert_employer text NOT NULL,
        candidate_employer text NOT NULL,
        match text NOT NULL CHECK (match IN ('same','near')),
        why text NOT NULL,
        similarity real NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('recused','kept')),
        automatic boolean NOT NULL,
        note text,
        decided_by text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (automatic = (match = 'same')),
        CHECK (automatic OR note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX panel_employer_checks_candidate ON panel_employer_checks (candidate_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE panel_employer_checks`);
  }
}
