import { Injectable } from '@nestjs/common';
import { VoteRepository, type RoundBallot } from '../../../../libs/db';

/** How long a round's ballot is reused before it is read again. */
export const BALLOT_TTL_MS = 1000;

/**
 * Each round's voting projection and list, kept for up to BALLOT_TTL_MS so the hot path of a vote
 * makes one trip to the database instead of two. It only decides what is worth trying: a refusal it
 * suggests is read again from the database before it is given, and a vote it lets through is checked
 * again by the statement that records it. So a stale copy can never accept a vote after the close;
 * at worst, for up to BALLOT_TTL_MS after voting closes, a voter is verified (WeChat asked) before
 * being refused.
 */
@Injectable()
export class BallotCache {
  private readonly rounds = new Map<string, { readAt: number; ballot: Promise<RoundBallot | null> }>();

  constructor(private readonly votes: VoteRepository) {}

  /**
   * The round's ballot, at most BALLOT_TTL_MS old; with `since` (a performance.now() instant), one read
   * that began at or after it, so it shows everything committed before then. Null: no such round.
   */
  get(roundId: string, since?: number): Promise<RoundBallot | null> {
    const now = performance.now();
    const kept = this.rounds.get(roundId);
    if (kept && (since === undefined ? now - kept.readAt < BALLOT_TTL_MS : kept.readAt >= since)) return kept.ballot;
    // Concurrent requests share one read; a failed or empty read is not kept.
    const ballot = this.votes.roundBallot(roundId);
    const entry = { readAt: now, ballot };
    this.rounds.set(roundId, entry);
    const forget = () => {
      if (this.rounds.get(roundId) === entry) this.rounds.delete(roundId);
    };
    ballot.then((b) => b ?? forget(), forget);
    this.evictExpired(now);
    return ballot;
  }

  private evictExpired(now: number): void {
    for (const [id, kept] of this.rounds) if (now - kept.readAt >= BALLOT_TTL_MS) this.rounds.delete(id);
  }
}
