import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { CANDIDATE_FILE_WORKFLOW, candidateWorkflowId, SA_ROUND, SA_STAGE, SA_STATUS, stagesFor, type Actor, type CandidateInputV2 } from '../../../../libs/contract';
import { CandidateEntity, CandidateVersionEntity, RoundEntity } from '../../../../libs/db';
import { stageDeadlines } from '../../../../libs/domain';
import { PiiCipher } from '../../../../libs/security/pii';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import { competitionOnForm, linkProblems } from '../competitions/competition-link';
import { CompetitionRepository, type LinkedResult } from '../competitions/competition.repository';
import { badRequest } from '../common/validation';
import { RoundsService } from '../rounds/rounds.service';
import { publicForm, sealedForm } from './candidate-form';
import { prechecks } from './nomination-rules';
import type { CreateNominationDto } from './nomination.dto';

@Injectable()
export class NominationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly rounds: RoundsService,
    private readonly competitions: CompetitionRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Files the nomination and starts its workflow in one step: the rows are committed only once the
   * workflow has started, so a failure leaves nothing behind.
   */
  async create(dto: CreateNominationDto, actor: Actor, now = new Date()) {
    // The form's cross-field rules (formProblems) ran in the validation pipe, beside the field rules.
    const result = await this.linkedResult(dto);
    const round = await this.roundFor(dto.roundId, now);
    const form = result ? await this.resting(dto, result, round?.id ?? null) : dto;
    const candidateId = randomUUID();
    const workflowId = candidateWorkflowId(candidateId);
    const input: CandidateInputV2 = {
      candidateId,
      roundId: round?.id ?? null,
      // A round that runs as a workflow decides the vote, the lists, the notice, approval and commendation.
      ...(round?.workflowId && { roundWorkflowId: round.workflowId }),
      channel: dto.channel,
      submittedBy: actor,
      settings: { ...this.config.programme },
      review: {
        deadlines: round ? stageDeadlines(dto.channel, round) : {},
        reminderLeadMs: this.config.review.reminderLeadMs,
        prechecks: prechecks(dto, this.config.review),
        conditions: (dto.conditions ?? []).map((c) => c.kind),
        minPanelSize: this.config.review.minPanelSize,
      },
    };
    await this.ds.transaction(async (tx) => {
      await this.insert(tx, form, { candidateId, workflowId, roundId: round?.id ?? null, actor });
      await engine(() =>
        this.temporal.workflow.start(CANDIDATE_FILE_WORKFLOW, {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          typedSearchAttributes: [
            { key: SA_STAGE, value: stagesFor(dto.channel)[0] },
            { key: SA_STATUS, value: 'awaiting_decision' },
            ...(round ? [{ key: SA_ROUND, value: round.id }] : []),
          ],
        }),
      );
    });
    return { candidateId, workflowId, roundId: round?.id ?? null };
  }

  /** The recorded competition result the nomination links: it must exist and be the nominee's (400 naming the field). */
  private async linkedResult(dto: CreateNominationDto): Promise<LinkedResult | null> {
    if (!dto.competitionResultId) return null;
    const result = await this.competitions.findResult(dto.competitionResultId);
    const problems = linkProblems(dto, dto.competitionResultId, result);
    if (problems.length) throw badRequest(problems);
    return result;
  }

  /** A result carries one file a round (409 for a second); the form's `competition` is then the record's, not retyped. */
  private async resting(dto: CreateNominationDto, result: LinkedResult, roundId: string | null): Promise<CreateNominationDto> {
    const other = await this.competitions.linkedInRound(result.id, roundId);
    if (other) throw new ConflictException(`competition result ${result.id} is already the ground of candidate ${other} in this round`);
    return { ...dto, competition: competitionOnForm(result) };
  }

  /** The round named, or the open one. Until the office has set up any round, nominations join none. */
  private async roundFor(roundId: string | undefined, now: Date): Promise<RoundEntity | null> {
    if (!roundId && (await this.ds.getRepository(RoundEntity).count()) === 0) return null;
    return this.rounds.resolveForNomination(roundId, now);
  }

  private async insert(tx: EntityManager, dto: CreateNominationDto, ids: { candidateId: string; workflowId: string; roundId: string | null; actor: Actor }) {
    try {
      await tx.getRepository(CandidateEntity).insert({
        id: ids.candidateId,
        roundId: ids.roundId,
        channel: dto.channel,
        name: dto.name,
        idNumberCipher: this.pii.encrypt(dto.idNumber),
        idNumberIndex: this.pii.blindIndex('id', dto.idNumber),
        mobileCipher: this.pii.encrypt(dto.mobile),
        homeAddressCipher: dto.homeAddress ? this.pii.encrypt(dto.homeAddress) : null,
        employer: dto.employer,
        industry: dto.industry,
        trade: dto.trade,
        yearsOfWork: dto.yearsOfWork,
        skillLevel: dto.skillLevel,
        area: dto.area ?? null,
        competitionResultId: dto.competitionResultId ?? null,
        form: publicForm(dto),
        submittedBy: ids.actor.userId,
        submittedRole: ids.actor.role,
        submittedIssuer: ids.actor.issuer ?? null,
        workflowId: ids.workflowId,
        version: 1,
      });
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === 'candidates_once_per_round') {
        throw new ConflictException('this person is already nominated in this round');
      }
      throw err;
    }
    await tx.getRepository(CandidateVersionEntity).insert({
      candidateId: ids.candidateId,
      version: 1,
      form: sealedForm(dto, this.pii),
      note: 'nominated',
      createdBy: ids.actor.userId,
    });
  }
}
