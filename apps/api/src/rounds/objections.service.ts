import { Injectable, NotFoundException } from '@nestjs/common';
import { resolveObjectionUpdate } from '../../../../libs/contract';
import { PiiCipher } from '../../../../libs/security/pii';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import type { ResolutionDto } from './round-actions.dto';
import { RoundEngine } from './round-engine';
import { ObjectionRepository } from './objection.repository';
import { objectionView } from './objection-view';
import { RoundsService } from './rounds.service';

/** The office's side of the objections: it investigates each and resolves it (upheld disqualifies). */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly rounds: RoundsService,
    private readonly engine: RoundEngine,
    private readonly pii: PiiCipher,
  ) {}

  async list(roundId: string, claims: TokenClaims) {
    const round = await this.rounds.find(roundId);
    const rows = await this.objections.forRound(round.id);
    return rows.map((o) => objectionView(o, claims, this.pii));
  }

  /** The objections against one file, through the same view as the round's list. */
  async forCandidate(candidateId: string, claims: TokenClaims) {
    const rows = await this.objections.forCandidate(candidateId);
    return rows.map((o) => objectionView(o, claims, this.pii));
  }

  /** The round decides (the objection must be open, the reason given); its activity writes the resolution before it answers. */
  async resolve(id: string, dto: ResolutionDto, claims: TokenClaims) {
    const objection = await this.objections.find(id);
    if (!objection) throw new NotFoundException(`objection ${id} not found`);
    const round = await this.rounds.find(objection.roundId);
    await this.engine.update(round, resolveObjectionUpdate, { objectionId: id, outcome: dto.outcome, reason: dto.reason, actor: actorOf(claims) });
    return objectionView((await this.objections.find(id))!, claims, this.pii);
  }
}
