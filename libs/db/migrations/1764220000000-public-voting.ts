import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public online voting (网络投票): the round workflow's projection (phase, voting window, the frozen
 * re-review list) and the votes themselves — rows in PostgreSQL, never one Temporal message per vote.
 */
export class PublicVoting1764220000000 implements MigrationInterface {
  name = 'PublicVoting1764220000000';

  async up(q: QueryRunner): Promise<void> {
    // Written by the round workflow through an activity; phase NULL = a legacy round, phase computed from its windows.
    await q.query(`ALTER TABLE rounds
      ADD COLUMN phase text NULL,
      ADD COLUMN voting_opens_at timestamptz NULL,
      ADD COLUMN voting_closes_at timestamptz NULL,
      ADD COLUMN voting_days integer NOT NULL DEFAULT 3 CHECK (voting_days > 0),
      ADD CONSTRAINT rounds_voting_window CHECK (voting_opens_at IS NULL OR voting_closes_at IS NULL OR voting_opens_at < voting_closes_at)`);
    // The frozen re-review list (复审名单): the candidates the public may vote for, unless an outcome is set.
    await q.query(`
      CREATE TABLE round_entries (
        round_id uuid NOT NULL REFERENCES rounds(id),
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        rank integer NOT NULL,
        expert_score_centi integer NOT NULL,
        outcome text NULL,
        PRIMARY KEY (round_id, candidate_id)
      )`);
    // One row per accepted vote. The unique constraint is what makes "once per candidate per day" hold
    // under concurrent requests; the voter is only a keyed hash, the address only a keyed hash.
    await q.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY,
        round_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        voter_hash text NOT NULL,
        verifier text NOT NULL CHECK (verifier IN ('wechat', 'dev')),
        day date NOT NULL,
        cast_at timestamptz NOT NULL,
        ip_hash text NOT NULL,
        CONSTRAINT votes_entry_fk FOREIGN KEY (round_id, candidate_id) REFERENCES round_entries (round_id, candidate_id),
        CONSTRAINT votes_once_per_day UNIQUE (round_id, candidate_id, voter_hash, day)
      )`);
    await q.query(`CREATE INDEX votes_round_day ON votes (round_id, day)`);
    // How many candidates a voter has supported on a day: the row lock serialises one voter's burst,
    // so the daily limit holds however many requests arrive at once.
    await q.query(`
      CREATE TABLE voter_days (
        round_id uuid NOT NULL REFERENCES rounds(id),
        voter_hash text NOT NULL,
        day date NOT NULL,
        candidates integer NOT NULL CHECK (candidates > 0),
        PRIMARY KEY (round_id, voter_hash, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE voter_days`);
    await q.query(`DROP TABLE votes`);
    await q.query(`DROP TABLE round_entries`);
    await q.query(`ALTER TABLE rounds DROP CONSTRAINT rounds_voting_window,
      DROP COLUMN phase, DROP COLUMN voting_opens_at, DROP COLUMN voting_closes_at, DROP COLUMN voting_days`);
  }
}
