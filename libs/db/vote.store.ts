import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RoundEntity } from './entities/round.entity';

/** What a vote needs to know about its round and candidate, read in one query. */
export interface Ballot {
  year: number;
  phase: string | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
  /** Whether the candidate is on the round's re-review list at all. */
  entered: boolean;
  /** The entry's outcome; null while the candidate may receive votes. */
  outcome: string | null;
}

export interface NewVote {
  roundId: string;
  candidateId: string;
  voterHash: string;
  verifier: string;
  /** Asia/Shanghai date, YYYY-MM-DD. */
  day: string;
  castAt: Date;
  ipHash: string;
}

export type RecordResult = { kind: 'accepted'; voteId: string } | { kind: 'duplicate' } | { kind: 'daily_limit' };

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

/** Outcomes that take a candidate off the public results as well as off the ballot. */
const REMOVED = ['disqualified', 'withdrawn'];

/**
 * Public votes in PostgreSQL. Plain class over a DataSource, so the API and the round's activities
 * (which read the final tally) share it.
 */
export class VoteRepository {
  constructor(private readonly ds: DataSource) {}

  findRound(roundId: string): Promise<RoundEntity | null> {
    return this.ds.getRepository(RoundEntity).findOne({ where: { id: roundId } });
  }

  /** The round's voting projection and the candidate's entry on its list; null when the round does not exist. */
  async ballot(roundId: string, candidateId: string): Promise<Ballot | null> {
    const rows: Array<{ year: number; phase: string | null; opens: Date | null; closes: Date | null; entered: boolean; outcome: string | null }> = await this.ds.query(
      `SELECT r.year, r.phase, r.voting_opens_at AS opens, r.voting_closes_at AS closes,
                e.candidate_id IS NOT NULL AS entered, e.outcome
           FROM rounds r
           LEFT JOIN round_entries e ON e.round_id = r.id AND e.candidate_id = $2
          WHERE r.id = $1`,
      [roundId, candidateId],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return { year: r.year, phase: r.phase, votingOpensAt: r.opens, votingClosesAt: r.closes, entered: r.entered, outcome: r.outcome };
  }

  /**
   * Records a vote, or says why not, in one transaction. The unique constraint turns a second vote for
   * the same candidate on the same day into a no-op (concurrent twins wait on it, and only one row
   * survives); the per-day counter row is then bumped under its row lock, so a burst from one voter
   * can never pass the daily limit. Whatever is refused leaves nothing behind.
   */
  async record(vote: NewVote, dailyLimit: number): Promise<RecordResult> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const inserted: Array<{ id: string }> = await runner.query(
        `INSERT INTO votes (id, round_id, candidate_id, voter_hash, verifier, day, cast_at, ip_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ON CONSTRAINT votes_once_per_day DO NOTHING
         RETURNING id`,
        [randomUUID(), vote.roundId, vote.candidateId, vote.voterHash, vote.verifier, vote.day, vote.castAt, vote.ipHash],
      );
      if (!inserted.length) {
        await runner.rollbackTransaction();
        return { kind: 'duplicate' };
      }
      const counted: Array<{ candidates: number }> = await runner.query(
        `INSERT INTO voter_days (round_id, voter_hash, day, candidates) VALUES ($1, $2, $3, 1)
         ON CONFLICT (round_id, voter_hash, day) DO UPDATE SET candidates = voter_days.candidates + 1
           WHERE voter_days.candidates < $4
         RETURNING candidates`,
        [vote.roundId, vote.voterHash, vote.day, dailyLimit],
      );
      if (!counted.length) {
        await runner.rollbackTransaction();
        return { kind: 'daily_limit' };
      }
      await runner.commitTransaction();
      return { kind: 'accepted', voteId: inserted[0].id };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
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
