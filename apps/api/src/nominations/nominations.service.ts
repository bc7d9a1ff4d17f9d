import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { CANDIDATE_WORKFLOW, candidateWorkflowId, SA_ROUND, SA_STAGE, SA_STATUS, stagesFor, type Actor, type CandidateInputV1 } from '../../../../libs/contract';
import { CandidateEntity } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import type { CreateNominationDto } from './nomination.dto';

@Injectable()
export class NominationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Files the nomination and starts its workflow in one step: the row is committed only once the
   * workflow has started, so a failure leaves neither behind.
   */
  async create(dto: CreateNominationDto, actor: Actor): Promise<{ candidateId: string; workflowId: string }> {
    const candidateId = randomUUID();
    const workflowId = candidateWorkflowId(candidateId);
    const input: CandidateInputV1 = {
      candidateId,
      roundId: dto.roundId ?? null,
      channel: dto.channel,
      submittedBy: actor,
      settings: { ...this.config.programme },
    };
    await this.ds.transaction(async (tx) => {
      await tx.getRepository(CandidateEntity).insert({
        id: candidateId,
        roundId: dto.roundId ?? null,
        channel: dto.channel,
        name: dto.name,
        idNumberCipher: this.pii.encrypt(dto.idNumber),
        idNumberIndex: this.pii.blindIndex('id', dto.idNumber),
        mobileCipher: this.pii.encrypt(dto.mobile),
        employer: dto.employer,
        industry: dto.industry,
        trade: dto.trade,
        yearsOfWork: dto.yearsOfWork,
        skillLevel: dto.skillLevel,
        submittedBy: actor.userId,
        submittedRole: actor.role,
        workflowId,
        version: 1,
      });
      await engine(() =>
        this.temporal.workflow.start(CANDIDATE_WORKFLOW, {
          workflowId,
          taskQueue: this.config.temporal.taskQueue,
          args: [input],
          typedSearchAttributes: [
            { key: SA_STAGE, value: stagesFor(dto.channel)[0] },
            { key: SA_STATUS, value: 'awaiting_decision' },
            ...(dto.roundId ? [{ key: SA_ROUND, value: dto.roundId }] : []),
          ],
        }),
      );
    });
    return { candidateId, workflowId };
  }
}
