import type { DataSource, EntityManager } from 'typeorm';
import type { ReviewedCandidate, RoundReport, RoundStore, TxQuery } from '../../activities/round.activities';
import { CLOSED_STATUSES, type RoundEntryWriteV2 } from '../contract';

/** Longest wait for PostgreSQL's clock to reach the vote's close (well inside the activity's heartbeat timeout). */
const CLOSE_WAIT_S = 10;

/** The round workflow's writes and reads, in PostgreSQL. */
export class RoundRepository implements RoundStore {
  constructor(private readonly ds: DataSource) {}

  /**
   * The round's row is locked while a change of phase is recorded in the same transaction, so two
   * reports of one round in flight record the change once, and a retry after a failure records it then.
   */
  async saveRound(r: RoundReport, onPhaseChange?: (from: string | null, query: TxQuery) => Promise<unknown>): Promise<void> {
    if (!onPhaseChange) return this.writeRound(this.ds.manager, r);
    await this.ds.transaction(async (tx) => {
      const [row]: Array<{ phase: string | null }> = await tx.query(`SELECT phase FROM rounds WHERE id = $1 FOR UPDATE`, [r.roundId]);
      if (row && row.phase !== r.phase) await onPhaseChange(row.phase, (sql, params) => tx.query(sql, params));
      await this.writeRound(tx, r);
    });
  }

  private async writeRound(db: EntityManager, r: RoundReport): Promise<void> {
    const w = r.windows;
    await db.query(
      `UPDATE rounds SET phase = $2, nomination_closes_at = $3, review_closes_at = $4, voting_opens_at = $5, voting_closes_at = $6,
              notice_starts_at = $7, notice_ends_at = $8, ceremony_date = $9,
              closed_at = CASE WHEN $2 = 'closed' THEN COALESCE(closed_at, now()) END
        WHERE id = $1`,
      [r.roundId, r.phase, w.nominationClosesAt, w.reviewClosesAt, w.votingOpensAt, w.votingClosesAt, w.noticeStartsAt, w.noticeEndsAt, r.ceremonyDate],
    );
  }

  async openCandidates(roundId: string): Promise<ReviewedCandidate[]> {
    const rows: Array<{ id: string; score_centi: number | null }> = await this.ds.query(
      `SELECT c.id, s.score_centi
         FROM candidates c LEFT JOIN candidate_status s ON s.candidate_id = c.id
        WHERE c.round_id = $1 AND (s.status IS NULL OR s.status <> ALL($2::text[]))`,
      [roundId, CLOSED_STATUSES],
    );
    return rows.map((r) => ({ candidateId: r.id, scoreCenti: r.score_centi === null ? null : Number(r.score_centi) }));
  }

  async saveEntries(roundId: string, entries: RoundEntryWriteV2[]): Promise<void> {
    if (!entries.length) return;
    // One statement per batch: the arrays are unnested into rows. Each row's reason is the one given,
    // the one the API stored under `reasons_id`, or (neither given: a re-ranking) the row's own.
    await this.ds.query(
      `INSERT INTO round_entries (round_id, candidate_id, rank, expert_score_centi, votes, vote_score_centi, combined_centi, combined_rank, outcome, reason, updated_at)
       SELECT $1, x.candidate_id, x.rank, x.expert_score_centi, x.votes, x.vote_score_centi, x.combined_centi, x.combined_rank, x.outcome,
              CASE WHEN x.reasons_id IS NOT NULL THEN r.reason WHEN x.reason_given THEN x.reason ELSE e.reason END, now()
         FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::boolean[], $12::uuid[])
              AS x(candidate_id, rank, expert_score_centi, votes, vote_score_centi, combined_centi, combined_rank, outcome, reason, reason_given, reasons_id)
         LEFT JOIN round_entries e ON e.round_id = $1 AND e.candidate_id = x.candidate_id
         LEFT JOIN round_decision_reasons r ON r.reasons_id = x.reasons_id AND r.candidate_id = x.candidate_id
        WHERE true
       ON CONFLICT (round_id, candidate_id) DO UPDATE SET
         rank = EXCLUDED.rank, expert_score_centi = EXCLUDED.expert_score_centi, votes = EXCLUDED.votes,
         vote_score_centi = EXCLUDED.vote_score_centi, combined_centi = EXCLUDED.combined_centi, combined_rank = EXCLUDED.combined_rank,
         outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, updated_at = now()`,
      [
        roundId,
        entries.map((e) => e.candidateId),
        entries.map((e) => e.rank),
        entries.map((e) => e.scoreCenti),
        entries.map((e) => e.votes),
        entries.map((e) => e.voteScoreCenti),
        entries.map((e) => e.combinedCenti),
        entries.map((e) => e.combinedRank),
        entries.map((e) => e.outcome),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => e.reason !== undefined),
        entries.map((e) => e.reasonsId ?? null),
      ],
    );
  }

  async storedReasons(reasonsId: string, candidateIds: string[]): Promise<Record<string, string>> {
    const rows: Array<{ candidate_id: string; reason: string }> = await this.ds.query(
      `SELECT candidate_id, reason FROM round_decision_reasons WHERE reasons_id = $1 AND candidate_id = ANY($2::uuid[])`,
      [reasonsId, candidateIds],
    );
    return Object.fromEntries(rows.map((r) => [r.candidate_id, r.reason]));
  }

  /**
   * The final tally, read once the vote has closed. A vote is recorded only while PostgreSQL's clock
   * is before the close (VoteRepository.cast), so: wait until that clock has passed the close (the
   * worker's timer and the database differ by little; at most CLOSE_WAIT_S), then take a lock that
   * waits for every vote still being written and holds off new ones while counting. Every vote
   * answered 201 is counted; every vote after is refused.
   */
  async votesByCandidate(roundId: string): Promise<Record<string, number>> {
    return this.ds.transaction(async (tx) => {
      await tx.query(`SELECT pg_sleep(least($2, greatest(0, extract(epoch FROM voting_closes_at - clock_timestamp())))) FROM rounds WHERE id = $1`, [
        roundId,
        CLOSE_WAIT_S,
      ]);
      await tx.query(`LOCK TABLE votes IN SHARE MODE`);
      const rows: Array<{ candidate_id: string; n: number }> = await tx.query(
        `SELECT candidate_id, count(*)::int AS n FROM votes WHERE round_id = $1 GROUP BY candidate_id`,
        [roundId],
      );
      return Object.fromEntries(rows.map((r) => [r.candidate_id, Number(r.n)]));
    });
  }

  async saveObjectionResolution(r: { objectionId: string; outcome: 'upheld' | 'dismissed'; reason: string; resolvedBy: string; resolvedAt: string }): Promise<void> {
    await this.ds.query(`UPDATE objections SET status = $2, resolution_reason = $3, resolved_by = $4, resolved_at = $5 WHERE id = $1`, [
      r.objectionId,
      r.outcome,
      r.reason,
      r.resolvedBy,
      r.resolvedAt,
    ]);
  }
}
