import { HttpException, Injectable } from '@nestjs/common';
import {
  approvalUpdate,
  ceremonyUpdate,
  changePhaseUpdate,
  formalListV2Update,
  freezeReReviewListUpdate,
  openVotingUpdate,
  startNoticeUpdate,
  type RoundSummaryV1,
} from '../../../../libs/contract';
import type { RoundEntity } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';
import { actorOf } from '../auth/auth.guard';
import { DecisionReasonsRepository } from './decision-reasons.repository';
import type { ApprovalDto, CandidateReasonDto, CeremonyDto, FormalListDto, OpenVotingDto, PhaseChangeDto, ReReviewListDto, StartNoticeDto } from './round-actions.dto';
import { RoundEngine } from './round-engine';
import { factsFromState, roundView, type RoundView } from './round-view';
import { RoundsService } from './rounds.service';

/**
 * The office's, the leadership group's and the government's actions on a round: each one Update on
 * the round workflow (which checks role, phase, quota and coverage in its validator), each answered
 * with the round's one view. The controller admits only the role that acts, so a wrong role is a 403
 * before anything reaches the engine.
 */
@Injectable()
export class RoundActionsService {
  constructor(
    private readonly rounds: RoundsService,
    private readonly engine: RoundEngine,
    private readonly reasons: DecisionReasonsRepository,
  ) {}

  changePhase(id: string, dto: PhaseChangeDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, changePhaseUpdate, { ...dto, actor: actorOf(claims) }));
  }

  freezeReReviewList(id: string, dto: ReReviewListDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, freezeReReviewListUpdate, { ...dto, actor: actorOf(claims) }));
  }

  openVoting(id: string, dto: OpenVotingDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, openVotingUpdate, { ...dto, actor: actorOf(claims) }));
  }

  /**
   * The reasons are stored first and the round is sent the ids (10,000 reasons would not fit in one
   * Temporal message). A list the round refuses (a 4xx) takes its reasons away again; after any
   * other failure the round may have taken the list, so they stay.
   */
  formalList(id: string, dto: FormalListDto, claims: TokenClaims): Promise<RoundView> {
    const ids = (list: CandidateReasonDto[]) => list.map((e) => e.candidateId);
    return this.act(id, async (row) => {
      const reasonsId = await this.reasons.store(row.id, [...dto.selected, ...dto.leftOut]);
      try {
        return await this.engine.update(row, formalListV2Update, { selected: ids(dto.selected), leftOut: ids(dto.leftOut), reasonsId, actor: actorOf(claims) });
      } catch (err) {
        if (err instanceof HttpException && err.getStatus() < 500) await this.reasons.discard(reasonsId);
        throw err;
      }
    });
  }

  startNotice(id: string, dto: StartNoticeDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, startNoticeUpdate, { reason: dto.reason, actor: actorOf(claims) }));
  }

  approve(id: string, dto: ApprovalDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, approvalUpdate, { approved: dto.approved, notApproved: dto.notApproved, actor: actorOf(claims) }));
  }

  ceremony(id: string, dto: CeremonyDto, claims: TokenClaims): Promise<RoundView> {
    return this.act(id, (row) => this.engine.update(row, ceremonyUpdate, { ...dto, actor: actorOf(claims) }));
  }

  /** 404 for an unknown round; the reply is the state the Update returned (the projection may trail it). */
  private async act(id: string, update: (row: RoundEntity) => Promise<RoundSummaryV1>): Promise<RoundView> {
    const row = await this.rounds.find(id);
    const state = await update(row);
    return roundView(factsFromState(row, state), new Date());
  }
}
