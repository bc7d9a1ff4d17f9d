import { ConflictException, ForbiddenException, HttpException, HttpStatus, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { shanghaiDate } from '../../../../libs/contract/calendar';
import { RoundEntity, VoteRepository, type RoundTally } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import { roundPhase } from '../rounds/round-time';
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
    private readonly verifiers: VoterVerifiers,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dailyLimit = config.voting.dailyCandidateLimit;
  }

  async cast(roundId: string, dto: CastVoteDto, clientIp: string): Promise<VoteCastDto> {
    const now = this.clock.now();
    // Cheap refusals first: WeChat is asked only for a vote that could count.
    const ballot = UUID.test(roundId) ? await this.votes.ballot(roundId, dto.candidateId) : null;
    if (!ballot) throw new NotFoundException(`round ${roundId} not found`);
    const closed = votingClosedMessage(ballot, now);
    if (closed) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: closed,
        votingOpensAt: ballot.votingOpensAt?.toISOString() ?? null,
        votingClosesAt: ballot.votingClosesAt?.toISOString() ?? null,
      });
    }
    if (!ballot.entered) {
      throw new UnprocessableEntityException(`candidate ${dto.candidateId} is not on the ${ballot.year} round's voting list`);
    }
    if (ballot.outcome) {
      throw new UnprocessableEntityException(`candidate ${dto.candidateId} can no longer receive votes (${ballot.outcome})`);
    }

    const identity = await this.verifiers.get(dto.verifier).identify(dto.credential);
    const day = shanghaiDate(now.getTime());
    const result = await this.votes.record(
      {
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
        return { voteId: result.voteId, day };
      case 'duplicate':
        throw new ConflictException(`this voter has already voted for candidate ${dto.candidateId} on ${day} (Asia/Shanghai); one vote per candidate per day`);
      case 'daily_limit':
        throw new HttpException(
          `this voter has already voted for ${this.dailyLimit} candidates on ${day} (Asia/Shanghai), the most allowed in one day; ` +
            `voting for more resumes at 00:00 Asia/Shanghai`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
    }
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
