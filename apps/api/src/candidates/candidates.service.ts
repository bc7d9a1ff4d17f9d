import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  decideUpdate,
  recordDepartureUpdate,
  refuseRole,
  resubmitUpdate,
  stateQuery,
  type Actor,
  type CandidateStateV1,
} from '../../../../libs/contract';
import { CandidateEntity } from '../../../../libs/db';
import { maskIdNumber, maskMobile, PiiCipher } from '../../../../libs/security/pii';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import type { DecisionDto, DepartureDto, ResubmissionDto } from './decision.dto';
import { readTimeline, type TimelineEntry } from './timeline';

/** Roles that see personal data in clear: the programme office, which verifies identity and pays. */
const SEES_CLEAR_PII = new Set(['union_office']);

@Injectable()
export class CandidatesService {
  constructor(
    private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async get(id: string, actor: Actor) {
    const row = await this.find(id, actor);
    const state = await engine(() => this.handle(row).query(stateQuery));
    const idNumber = this.pii.decrypt(row.idNumberCipher);
    const mobile = this.pii.decrypt(row.mobileCipher);
    const clear = SEES_CLEAR_PII.has(actor.role);
    return {
      ...state,
      workflowId: row.workflowId,
      roundId: row.roundId,
      name: row.name,
      idNumber: clear ? idNumber : maskIdNumber(idNumber),
      mobile: clear ? mobile : maskMobile(mobile),
      employer: row.employer,
      industry: row.industry,
      trade: row.trade,
      yearsOfWork: row.yearsOfWork,
      skillLevel: row.skillLevel,
      nominatedAt: row.createdAt.toISOString(),
    };
  }

  async decide(id: string, dto: DecisionDto, actor: Actor): Promise<CandidateStateV1> {
    const refusal = refuseRole(dto.stage, actor.role);
    if (refusal) throw new ForbiddenException(refusal.message);
    const row = await this.find(id, actor);
    return engine(() => this.handle(row).executeUpdate(decideUpdate, { args: [{ ...dto, actor }] }));
  }

  async resubmit(id: string, dto: ResubmissionDto, actor: Actor): Promise<CandidateStateV1> {
    const row = await this.find(id, actor);
    return engine(() => this.handle(row).executeUpdate(resubmitUpdate, { args: [{ note: dto.note, actor }] }));
  }

  async recordDeparture(id: string, dto: DepartureDto, actor: Actor): Promise<CandidateStateV1> {
    const row = await this.find(id, actor);
    return engine(() => this.handle(row).executeUpdate(recordDepartureUpdate, { args: [{ ...dto, actor }] }));
  }

  async history(id: string, actor: Actor): Promise<TimelineEntry[]> {
    const row = await this.find(id, actor);
    const history = await engine(() => this.handle(row).fetchHistory());
    return readTimeline(history);
  }

  private handle(row: CandidateEntity): WorkflowHandle {
    return this.temporal.workflow.getHandle(row.workflowId);
  }

  /** A nominator sees only the files it submitted; staff see all (area scoping comes with the inbox). */
  private async find(id: string, actor: Actor): Promise<CandidateEntity> {
    const row = await this.ds.getRepository(CandidateEntity).findOneBy({ id });
    if (!row || (actor.role === 'nominator' && row.submittedBy !== actor.userId)) {
      throw new NotFoundException(`candidate ${id} not found`);
    }
    return row;
  }
}
