import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A voter's day keeps which candidates it voted for, not only how many: the one statement that
 * records a vote then decides "once per candidate" and "at most N a day" together, under the row
 * lock of the voter's day, and writes the vote only when both hold. `candidates` becomes the set's size.
 */
export class VoterDayCandidates1764310000000 implements MigrationInterface {
  name = 'VoterDayCandidates1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voter_days ADD COLUMN candidate_ids uuid[] NULL`);
    // The votes themselves are the record: each day's set is rebuilt from them.
    await q.query(`
      UPDATE voter_days d SET candidate_ids = coalesce(
        (SELECT array_agg(v.candidate_id ORDER BY v.cast_at, v.id) FROM votes v
          WHERE v.round_id = d.round_id AND v.voter_hash = d.voter_hash AND v.day = d.day), '{}')`);
    await q.query(`DELETE FROM voter_days WHERE candidate_ids = '{}'`);
    await q.query(`ALTER TABLE voter_days DROP COLUMN candidates`);
    await q.query(`ALTER TABLE voter_days
      ALTER COLUMN candidate_ids SET NOT NULL,
      ADD CONSTRAINT voter_days_candidate_ids CHECK (cardinality(candidate_ids) > 0),
      ADD COLUMN candidates integer GENERATED ALWAYS AS (cardinality(candidate_ids)) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voter_days ADD COLUMN day_count integer NULL`);
    await q.query(`UPDATE voter_days SET day_count = candidates`);
    await q.query(`ALTER TABLE voter_days DROP COLUMN candidates, DROP COLUMN candidate_ids`);
    await q.query(`ALTER TABLE voter_days RENAME COLUMN day_count TO candidates`);
    await q.query(`ALTER TABLE voter_days ALTER COLUMN candidates SET NOT NULL, ADD CONSTRAINT voter_days_candidates_check CHECK (candidates > 0)`);
  }
}
