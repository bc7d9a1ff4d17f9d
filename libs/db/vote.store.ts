import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RoundEntity } from './entities/round.entity';

/** A round's voting projection: what decides whether the public may vote now. */
export interface RoundWindow {
  year: number;
  phase: string | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
}

/** The round and every entry on its list with its outcome (null while the candidate may receive votes). */
export interface RoundBallot extends RoundWindow {
  entries: Map<string, string | null>;
}

/** What a vote needs to know about its round and candidate. */
export interface Ballot extends RoundWindow {
  /** Whether the candidate is on the round's re-review list at all. */
  entered: boolean;
  /** The entry's outcome; null while the candidate may receive votes. */
  outcome: string | null;
}

export interface NewVote {
  id: string;
  roundId: string;
  candidateId: string;
  voterHash: string;
  verifier: string;
  /** Asia/Shanghai date, YYYY-MM-DD. */
  day: string;
  castAt: Date;
  ipHash: string;
}

export type CastResult =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'daily_limit' }
  | { kind: 'no_round' }
  /** Not votable as the database saw it when the vote arrived; `dbNow` is PostgreSQL's clock then. */
  | { kind: 'not_votable'; ballot: Ballot; dbNow: Date };

export interface BallotCandidate {
  candidateId: string;
  name: string;
  employer: string;
  trade: string;
  deeds: string | null;
}

export interface CandidateTally {
  candidateId: string;
  name: string;
  rank: number;
  outcome: string | null;
  votes: number;
}

export interface RoundTally {
  totalVotes: number;
  distinctVoters: number;
  candidates: CandidateTally[];
  byDay: Array<{ day: string; votes: number; voters: number }>;
}

/**
 * The vote in one statement; see VoteRepository.cast. $1 vote id, $2 round, $3 candidate, $4 voter
 * hash, $5 verifier, $6 day, $7 cast at (the API's clock), $8 address hash, $9 daily limit.
 */
const CAST_VOTE = `
  WITH ballot AS (
    SELECT r.year, r.phase, r.voting_opens_at AS opens, r.voting_closes_at AS closes,
           e.candidate_id IS NOT NULL AS entered, e.outcome, clock_timestamp() AS db_now
      FROM rounds r
      LEFT JOIN round_entries e ON e.round_id = r.id AND e.candidate_id = $3::uuid
     WHERE r.id = $2::uuid
  ), votable AS (
    SELECT 1 FROM ballot
     WHERE phase = 'voting' AND $7::timestamptz >= opens AND $7::timestamptz < closes AND db_now < closes
       AND entered AND outcome IS NULL
  ), counted AS (
    INSERT INTO voter_days AS d (round_id, voter_hash, day, candidate_ids)
    SELECT $2::uuid, $4::text, $6::date, ARRAY[$3::uuid] FROM votable
    ON CONFLICT (round_id, voter_hash, day) DO UPDATE SET candidate_ids = d.candidate_ids || $3::uuid
     WHERE d.candidates < $9::int AND $3::uuid <> ALL (d.candidate_ids)
    RETURNING 1
  ), vote AS (
    INSERT INTO votes (id, round_id, candidate_id, voter_hash, verifier, day, cast_at, ip_hash)
    SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::date, $7::timestamptz, $8::text FROM counted
    RETURNING 1
  )
  SELECT v.voted, CASE WHEN NOT v.voted THEN json_build_object(
           'year', b.year, 'phase', b.phase, 'opens', b.opens, 'closes', b.closes, 'entered', b.entered,
           'outcome', b.outcome, 'dbNow', b.db_now, 'votable', EXISTS (SELECT 1 FROM votable)) END AS refused
    FROM ballot b, (SELECT EXISTS (SELECT 1 FROM vote) AS voted) v`;

/** A vote's row from CAST_VOTE: the ballot as the statement saw it only when nothing was recorded. */
interface CastRow {
  voted: boolean;
  refused: {
    year: number;
    phase: string | null;
    opens: string | null;
    closes: string | null;
    entered: boolean;
    outcome: string | null;
    dbNow: string;
    votable: boolean;
  } | null;
}

/** Outcomes that take a candidate off the public results as well as off the ballot. */
const REMOVED = ['disqualified', 'withdrawn'];

/**
 * Public votes in PostgreSQL. Plain class over a DataSource, so the API and the round's activities
 * (which read the final tally) share it.
 */
export class VoteRepository {
  constructor(private readonly ds: DataSource) {}

  /** node-postgres' pool under the DataSource, for statements worth preparing once per connection. */
  private pool(): Pool {
    return (this.ds.driver as PostgresDriver).master as Pool;
  }

  findRound(roundId: string): Promise<RoundEntity | null> {
    return this.ds.getRepository(RoundEntity).findOne({ where: { id: roundId } });
  }

  /** The round's voting projection with every entry on its list; null when the round does not exist. */
  async roundBallot(roundId: string): Promise<RoundBallot | null> {
    const rows: Array<{ year: number; phase: string | null; opens: Date | null; closes: Date | null; candidate_id: string | null; outcome: string | null }> =
      await this.ds.query(
        `SELECT r.year, r.phase, r.voting_opens_at AS opens, r.voting_closes_at AS closes, e.candidate_id, e.outcome
           FROM rounds r
           LEFT JOIN round_entries e ON e.round_id = r.id
          WHERE r.id = $1`,
        [roundId],
      );
    if (!rows.length) return null;
    const r = rows[0];
    const entries = new Map<string, string | null>();
    for (const row of rows) if (row.candidate_id) entries.set(row.candidate_id, row.outcome);
    return { year: r.year, phase: r.phase, votingOpensAt: r.opens, votingClosesAt: r.closes, entries };
  }

  /**
   * Records a vote, or says why not, in one statement (one round trip, its own transaction):
   *
   * - the round and the candidate's entry are checked as the statement finds them, so a close, an
   *   outcome or a phase written before it is never missed. PostgreSQL's clock must also be before the
   *   close: the final tally (RoundRepository.votesByCandidate) waits for that clock to pass the close
   *   and locks out writers while it counts, so a vote is either counted or refused, never both;
   * - the voter's day is upserted under its row lock, adding the candidate only if it is not there and
   *   fewer than `dailyLimit` are: a burst from one voter, twins included, is decided one at a time;
   * - the vote row is written only when its candidate was added. The unique constraint
   *   `votes_once_per_day` still stands behind it: a twin that got past would fail the whole statement.
   *
   * A refusal leaves nothing behind. Duplicate and daily limit are told apart by a second look at the
   * day's set, which only grows: a repeat of one of the day's candidates is the more precise 409.
   */
  async cast(vote: NewVote, dailyLimit: number): Promise<CastResult> {
    const params = [vote.id, vote.roundId, vote.candidateId, vote.voterHash, vote.verifier, vote.day, vote.castAt, vote.ipHash, dailyLimit];
    let rows: CastRow[];
    try {
      // Named, so each pooled connection parses and plans it once: planning this statement costs
      // more than running it.
      rows = (await this.pool().query<CastRow>({ name: 'cast-vote', text: CAST_VOTE, values: params })).rows;
    } catch (err) {
      if ((err as { constraint?: string }).constraint === 'votes_once_per_day') return { kind: 'duplicate' };
      throw err;
    }
    if (!rows.length) return { kind: 'no_round' };
    const { voted, refused } = rows[0];
    if (voted) return { kind: 'accepted' };
    if (!refused!.votable) {
      const b = refused!;
      const at = (iso: string | null) => (iso === null ? null : new Date(iso));
      const ballot = { year: b.year, phase: b.phase, votingOpensAt: at(b.opens), votingClosesAt: at(b.closes), entered: b.entered, outcome: b.outcome };
      return { kind: 'not_votable', ballot, dbNow: new Date(b.dbNow) };
    }
    const [day] = (
      await this.pool().query<{ again: boolean }>({
        name: 'vote-day-has',
        text: `SELECT $4::uuid = ANY (candidate_ids) AS again FROM voter_days WHERE round_id = $1 AND voter_hash = $2 AND day = $3`,
        values: [vote.roundId, vote.voterHash, vote.day, vote.candidateId],
      })
    ).rows;
    return day?.again ? { kind: 'duplicate' } : { kind: 'daily_limit' };
  }

  /**
   * The candidates shown to the public, by name: while voting, those still votable; after it, all
   * but the disqualified and withdrawn. No rank or score: the expert ranking should not sway the vote.
   */
  async publicCandidates(roundId: string, afterVoting: boolean): Promise<Array<BallotCandidate & { votes?: number }>> {
    const rows: Array<{ id: string; name: string; employer: string; trade: string; deeds: string | null; votes: number | null }> = await this.ds.query(
      `SELECT c.id, c.name, c.employer, c.trade, c.form->>'deeds' AS deeds,
                ${afterVoting ? '(SELECT count(*)::int FROM votes v WHERE v.round_id = e.round_id AND v.candidate_id = e.candidate_id)' : 'NULL'} AS votes
           FROM round_entries e
           JOIN candidates c ON c.id = e.candidate_id
          WHERE e.round_id = $1 AND (e.outcome IS NULL OR ($2 AND e.outcome <> ALL ($3)))
          ORDER BY c.name, c.id`,
      [roundId, afterVoting, REMOVED],
    );
    return rows.map((r) => ({
      candidateId: r.id,
      name: r.name,
      employer: r.employer,
      trade: r.trade,
      deeds: r.deeds,
      ...(afterVoting && { votes: r.votes ?? 0 }),
    }));
  }

  /** Votes per candidate on the round's list (zero included): what the round reads as the final tally. */
  async votesByCandidate(roundId: string): Promise<Array<{ candidateId: string; votes: number }>> {
    const rows: Array<{ candidate_id: string; votes: number }> = await this.ds.query(
      `SELECT e.candidate_id, count(v.id)::int AS votes
         FROM round_entries e
         LEFT JOIN votes v ON v.round_id = e.round_id AND v.candidate_id = e.candidate_id
        WHERE e.round_id = $1
        GROUP BY e.candidate_id
        ORDER BY votes DESC, e.candidate_id`,
      [roundId],
    );
    return rows.map((r) => ({ candidateId: r.candidate_id, votes: r.votes }));
  }

  /** Live counts for staff: per candidate, distinct voters, and per Asia/Shanghai day. */
  async tally(roundId: string): Promise<RoundTally> {
    const [candidates, totals, byDay] = (await Promise.all([
      this.ds.query(
        `SELECT e.candidate_id, c.name, e.rank, e.outcome, count(v.id)::int AS votes
           FROM round_entries e
           JOIN candidates c ON c.id = e.candidate_id
           LEFT JOIN votes v ON v.round_id = e.round_id AND v.candidate_id = e.candidate_id
          WHERE e.round_id = $1
          GROUP BY e.candidate_id, c.name, e.rank, e.outcome
          ORDER BY votes DESC, e.rank, c.name`,
        [roundId],
      ),
      this.ds.query(`SELECT count(*)::int AS votes, count(DISTINCT voter_hash)::int AS voters FROM votes WHERE round_id = $1`, [roundId]),
      this.ds.query(
        `SELECT day::text AS day, count(*)::int AS votes, count(DISTINCT voter_hash)::int AS voters
           FROM votes WHERE round_id = $1 GROUP BY day ORDER BY day`,
        [roundId],
      ),
    ])) as [
      Array<{ candidate_id: string; name: string; rank: number; outcome: string | null; votes: number }>,
      Array<{ votes: number; voters: number }>,
      Array<{ day: string; votes: number; voters: number }>,
    ];
    return {
      totalVotes: totals[0].votes,
      distinctVoters: totals[0].voters,
      candidates: candidates.map((c) => ({ candidateId: c.candidate_id, name: c.name, rank: c.rank, outcome: c.outcome, votes: c.votes })),
      byDay,
    };
  }
}
