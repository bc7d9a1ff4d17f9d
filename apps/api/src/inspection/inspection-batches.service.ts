import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { stateQuery } from '../../../../libs/contract';
import { enqueueNotifications } from '../../../../libs/db';
import { notificationsForBatch } from '../../../../libs/domain';
import type { TokenClaims } from '../../../../libs/security/token';
import { TEMPORAL_CLIENT } from '../common/temporal.module';
import { engine } from '../common/temporal-errors';
import { badRequest, type FieldError } from '../common/validation';
import { batchRefusal } from './batch-eligibility';
import type { CreateBatchDto, ListBatchesQuery } from './inspection-batch.dto';
import { InspectionBatchRepository, type CandidateToBatch } from './inspection-batch.repository';

/** How many workflows are asked at once where a batch is checked. */
const QUERY_CONCURRENCY = 10;

interface Refused {
  candidateId: string;
  name: string;
  reason: string;
}

/**
 * Inspection batches (人选考察, in batches): one visit plan, one team, several candidates. A candidate
 * is in one batch at a time; moving it from another batch must be asked for, and every move is kept.
 */
@Injectable()
export class InspectionBatchesService {
  constructor(
    private readonly ds: DataSource,
    private readonly batches: InspectionBatchRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async create(dto: CreateBatchDto, claims: TokenClaims) {
    const candidates = await this.validCandidates(dto);
    const roundId = dto.roundId ?? candidates[0].roundId;
    await this.refuseIneligible(candidates);

    const id = randomUUID();
    const moved = await this.ds.transaction(async (tx) => {
      const current = await this.batches.lockBatchesOf(tx, dto.candidateIds);
      const elsewhere = candidates.filter((c) => current.get(c.id));
      const names = new Map(
        (
          await this.batches.batchNames(
            tx,
            elsewhere.map((c) => current.get(c.id)!),
          )
        ).map((b) => [b.id, b.name]),
      );
      const moves = elsewhere.map((c) => ({ candidateId: c.id, name: c.name, fromBatchId: current.get(c.id)!, fromBatchName: names.get(current.get(c.id)!) ?? '' }));
      if (moves.length && dto.move !== true) {
        throw this.conflict(
          moves.map((m) => ({
            candidateId: m.candidateId,
            name: m.name,
            reason: `it is already in inspection batch ${m.fromBatchId} ("${m.fromBatchName}"); send move: true to move it`,
          })),
          'nothing was grouped',
        );
      }
      await this.batches.insertBatchWithMembers(
        tx,
        { id, roundId, name: dto.name, plannedOn: dto.plannedOn, members: dto.members, createdBy: claims.sub },
        candidates.map((c) => ({ candidateId: c.id, fromBatchId: current.get(c.id) ?? null })),
        { userId: claims.sub, role: claims.role },
      );
      // The team hears of it in the batch's own transaction: no batch without its notifications, none twice.
      const notices = notificationsForBatch({ id, name: dto.name, plannedOn: dto.plannedOn, roundId, members: dto.members, candidates: candidates.length });
      await enqueueNotifications((sql, params) => tx.query(sql, params), notices);
      return moves;
    });
    return { ...(await this.get(id)), moved };
  }

  async list(query: ListBatchesQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.batches.listBatches({ roundId: query.roundId, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, total, page, pageSize };
  }

  async get(id: string) {
    const batch = await this.batches.findBatch(id);
    if (!batch) throw new NotFoundException(`inspection batch ${id} not found`);
    const [candidates, history] = await Promise.all([this.batches.membersOf(id), this.batches.movesOf(id)]);
    return { ...batch, candidateCount: candidates.length, candidates, history };
  }

  /** Every id once, every id a candidate, the round known and shared: otherwise a 400 naming each bad entry. */
  private async validCandidates(dto: CreateBatchDto): Promise<CandidateToBatch[]> {
    const problems: FieldError[] = [];
    dto.candidateIds.forEach((id, i) => {
      if (dto.candidateIds.indexOf(id) !== i) problems.push({ field: `candidateIds.${i}`, reason: `candidate ${id} is listed twice` });
    });
    if (dto.roundId && !(await this.batches.roundExists(dto.roundId))) problems.push({ field: 'roundId', reason: `no such round: ${dto.roundId}` });
    const found = new Map((await this.batches.findCandidates(dto.candidateIds)).map((c) => [c.id, c]));
    dto.candidateIds.forEach((id, i) => {
      const c = found.get(id);
      if (!c) problems.push({ field: `candidateIds.${i}`, reason: `no such candidate: ${id}` });
      else if (dto.roundId && c.roundId !== dto.roundId) {
        problems.push({ field: `candidateIds.${i}`, reason: `candidate ${id} (${c.name}) is in round ${c.roundId ?? 'none'}, not ${dto.roundId}` });
      }
    });
    const rounds = new Set([...found.values()].map((c) => c.roundId));
    if (!dto.roundId && rounds.size > 1) problems.push({ field: 'candidateIds', reason: 'the candidates are of different rounds: one batch is one round' });
    if (problems.length) throw badRequest(problems);
    return [...new Set(dto.candidateIds)].map((id) => found.get(id)!);
  }

  /** Asks each candidate's workflow where it stands: a closed candidacy, or one past inspection, is not visited. */
  private async refuseIneligible(candidates: CandidateToBatch[]): Promise<void> {
    const refused: Refused[] = [];
    for (let i = 0; i < candidates.length; i += QUERY_CONCURRENCY) {
      await Promise.all(
        candidates.slice(i, i + QUERY_CONCURRENCY).map(async (c) => {
          const state = await engine(() => this.temporal.workflow.getHandle(c.workflowId).query(stateQuery));
          const reason = batchRefusal(state);
          if (reason) refused.push({ candidateId: c.id, name: c.name, reason });
        }),
      );
    }
    if (refused.length) {
      const order = candidates.map((c) => c.id);
      throw this.conflict(
        refused.sort((a, b) => order.indexOf(a.candidateId) - order.indexOf(b.candidateId)),
        'nothing was grouped',
      );
    }
  }

  private conflict(refused: Refused[], outcome: string): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      message: `${refused.map((r) => `candidate ${r.candidateId} (${r.name}): ${r.reason}`).join('; ')}; ${outcome}`,
      candidates: refused,
    });
  }
}
