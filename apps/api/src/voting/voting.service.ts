import { HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { shanghaiDate } from '../../../../libs/contract/calendar';
import { RoundEntity, VoteRepository, type RoundBallot, type RoundTally, type RoundWindow } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import { roundPhase } from '../rounds/round-time';
import { refuse } from '../common/refuse';
import { BallotCache } from './ballot-cache';
import { Clock } from './clock';
import type { CastVoteDto, PublicRoundDto, VoteCastDto, VotingWindowDto } from './vote.dto';
import { VoterVerifiers } from './verifiers/voter-verifiers';
import { votingClosedMessage, votingState, votingWindowText } from './voting-window';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Public online voting (网络投票): one vote per voter per candidate per Asia/Shanghai day, at most
 * `dailyCandidateLimit` candidates a day, only for candidates still on the round's list, only while
 * the round is in its voting phase and window.
 */
@Injectable()
export class VotingService {
  private readonly dailyLimit: number;

  constructor(
    private readonly votes: VoteRepository,
    private readonly ballots: BallotCache,
    private readonly verifiers: VoterVerifiers,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dailyLimit = config.voting.dailyCandidateLimit;
  }

  async cast(roundId: string, dto: CastVoteDto, clientIp: string): Promise<VoteCastDto> {
    const now = this.clock.now();
    const arrived = performance.now();
    if (!UUID.test(roundId)) throw new NotFoundException(`round ${roundId} not found`);
    // Cheap refusals first, so WeChat is asked only for a vote that could count. The kept ballot may
    // be a moment old: a refusal it suggests is confirmed by a read begun after the vote arrived
    // (votes refused together share one).
    let round = await this.ballots.get(roundId);
    let refused = round && this.kept(round, dto.candidateId, now);
    if (refused) {
      round = await this.ballots.get(roundId, arrived);
      refused = round && this.kept(round, dto.candidateId, now);
    }
    if (!round) throw new NotFoundException(`round ${roundId} not found`);
    if (refused) throw refused;

    const identity = await this.verifiers.get(dto.verifier).identify(dto.credential);
    const day = shanghaiDate(now.getTime());
    const voteId = randomUUID();
    const result = await this.votes.cast(
      {
        id: voteId,
        roundId,
        candidateId: dto.candidateId,
        voterHash: this.voterHash(dto.verifier, identity),
        verifier: dto.verifier,
        day,
        castAt: now,
        ipHash: this.pii.blindIndex('vote-ip', clientIp),
      },
      this.dailyLimit,
    );
    switch (result.kind) {
      case 'accepted':
        return { voteId, day };
      case 'duplicate':
        throw refuse('vote_duplicate', `this voter has already voted for candidate ${dto.candidateId} on ${day} (Asia/Shanghai); one vote per candidate per day`);
      case 'daily_limit':
        throw refuse(
          'vote_daily_limit',
          `this voter has already voted for ${this.dailyLimit} candidates on ${day} (Asia/Shanghai), the most allowed in one day; ` +
            `voting for more resumes at 00:00 Asia/Shanghai`,
        );
      case 'no_round':
        throw new NotFoundException(`round ${roundId} not found`);
      case 'not_votable': {
        // What changed while the voter was verified; or the database's clock has passed the close.
        const { ballot, dbNow } = result;
        const entry = ballot.entered ? ballot.outcome : undefined;
        throw (
          this.refusal(ballot, entry, dto.candidateId, now) ??
          this.refusal(ballot, entry, dto.candidateId, dbNow) ??
          new Error('the vote was refused by the database but passes every rule here')
        );
      }
    }
  }

  /** Why the round's kept ballot refuses a vote for the candidate at `now`, or null. */
  private kept(round: RoundBallot, candidateId: string, now: Date): HttpException | null {
    return this.refusal(round, round.entries.get(candidateId), candidateId, now);
  }

  /**
   * Why a vote for the candidate at `now` is refused (403 voting not open, 422 not votable), or null.
   * `outcome`: the candidate's entry on the list, undefined when it is not on it.
   */
  private refusal(ballot: RoundWindow, outcome: string | null | undefined, candidateId: string, now: Date): HttpException | null {
    const closed = votingClosedMessage(ballot, now);
    if (closed) {
      return refuse('voting_closed', closed, {
        votingOpensAt: ballot.votingOpensAt?.toISOString() ?? null,
        votingClosesAt: ballot.votingClosesAt?.toISOString() ?? null,
      });
    }
    if (outcome === undefined) return refuse('vote_not_votable', `candidate ${candidateId} is not on the ${ballot.year} round's voting list`);
    if (outcome) return refuse('vote_not_votable', `candidate ${candidateId} can no longer receive votes (${outcome})`);
    return null;
  }

  /**
   * The voter as stored: a keyed hash, never the openid. The blind index upper-cases its input and
   * openids are case-sensitive, so the identity goes in hex; the verifier's name keeps a dev identity
   * from ever meeting a WeChat one.
   */
  private voterHash(verifier: string, identity: string): string {
    return this.pii.blindIndex('voter', `${verifier}:${Buffer.from(identity, 'utf8').toString('hex')}`);
  }

  /** The round as the public sees it: candidates once voting has opened, totals once it has closed. */
  async publicRound(roundId: string): Promise<PublicRoundDto> {
    const now = this.clock.now();
    const round = await this.findRound(roundId);
    const state = votingState(round, now);
    const shown = state === 'open' || state === 'closed';
    return {
      roundId: round.id,
      year: round.year,
      phase: round.phase ?? roundPhase(round, now),
      voting: this.window(round, now),
      candidates: shown ? await this.votes.publicCandidates(round.id, state === 'closed') : [],
    };
  }

  /** Live counts for staff, whatever the phase. */
  async tally(roundId: string): Promise<{ roundId: string; year: number; phase: string; voting: VotingWindowDto } & RoundTally> {
    const now = this.clock.now();
    const round = await this.findRound(roundId);
    return {
      roundId: round.id,
      year: round.year,
      phase: round.phase ?? roundPhase(round, now),
      voting: this.window(round, now),
      ...(await this.votes.tally(round.id)),
    };
  }

  private async findRound(id: string): Promise<RoundEntity> {
    const round = UUID.test(id) ? await this.votes.findRound(id) : null;
    if (!round) throw new NotFoundException(`round ${id} not found`);
    return round;
  }

  private window(round: RoundEntity, now: Date): VotingWindowDto {
    return {
      state: votingState(round, now),
      opensAt: round.votingOpensAt?.toISOString() ?? null,
      closesAt: round.votingClosesAt?.toISOString() ?? null,
      window: votingWindowText(round),
      days: round.votingDays,
    };
  }
}
