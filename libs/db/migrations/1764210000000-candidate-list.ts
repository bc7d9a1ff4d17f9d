import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for finding files (GET /candidates and its exports). Scope and filter columns that narrow
 * a list well get a B-tree; channel and industry have a handful of values each and are left to the
 * planner. The name search (`q`, contains) cannot use a B-tree; a trigram index would need the
 * pg_trgm extension, which the embedded PostgreSQL does not have, and a district's few thousand
 * files scan quickly.
 */
export class CandidateList1764210000000 implements MigrationInterface {
  name = 'CandidateList1764210000000';

  async up(q: QueryRunner): Promise<void> {
    // A round's files in filing order: the usual list and the default sort.
    await q.query(`CREATE INDEX candidates_round_created ON candidates (round_id, created_at, id)`);
    await q.query(`CREATE INDEX candidates_created ON candidates (created_at, id)`);
    // A sub-district union's scope and the area filter.
    await q.query(`CREATE INDEX candidates_area ON candidates (area)`);
    // A nominator's scope.
    await q.query(`CREATE INDEX candidates_submitted_by ON candidates (submitted_by)`);
    // Overdue files and the due-date sort.
    await q.query(`CREATE INDEX candidate_status_due ON candidate_status (due_at)`);
    // An expert's scope: panel @> '[{"userId": …}]'.
    await q.query(`CREATE INDEX candidate_status_panel ON candidate_status USING gin (panel jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'candidate_status_panel',
      'candidate_status_due',
      'candidates_submitted_by',
      'candidates_area',
      'candidates_created',
      'candidates_round_created',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
