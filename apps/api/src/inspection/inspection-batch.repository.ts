import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CandidateEntity, InspectionBatchEntity, InspectionBatchMoveEntity, RoundEntity } from '../../../../libs/db';

export interface BatchSummary extends InspectionBatchEntity {
  candidateCount: number;
}

export interface BatchMember {
  candidateId: string;
  name: string;
  employer: string;
  stage: string | null;
  status: string | null;
}

export interface BatchMove {
  candidateId: string;
  name: string;
  fromBatchId: string | null;
  toBatchId: string;
  movedBy: string;
  role: string;
  at: Date;
}

export type CandidateToBatch = Pick<CandidateEntity, 'id' | 'name' | 'roundId' | 'workflowId' | 'inspectionBatchId'>;

/** Inspection batches, their members and the history of who put whom in which batch. */
@Injectable()
export class InspectionBatchRepository {
  constructor(private readonly ds: DataSource) {}

  roundExists(roundId: string): Promise<boolean> {
    return this.ds.getRepository(RoundEntity).exists({ where: { id: roundId } });
  }

  findCandidates(ids: string[]): Promise<CandidateToBatch[]> {
    return this.ds.getRepository(CandidateEntity).find({
      where: { id: In(ids) },
      select: { id: true, name: true, roundId: true, workflowId: true, inspectionBatchId: true },
    });
  }

  /** The candidates' current batches, locked until the transaction ends so two batches cannot take one candidate at once. */
  async lockBatchesOf(tx: EntityManager, ids: string[]): Promise<Map<string, string | null>> {
    const rows: Array<{ id: string; inspection_batch_id: string | null }> = await tx.query(
      `SELECT id, inspection_batch_id FROM candidates WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.inspection_batch_id]));
  }

  batchNames(tx: EntityManager, ids: string[]): Promise<Array<Pick<InspectionBatchEntity, 'id' | 'name'>>> {
    return tx.getRepository(InspectionBatchEntity).find({ where: { id: In(ids) }, select: { id: true, name: true } });
  }

  /** Creates the batch and moves the candidates into it, one history entry each. */
  async insertBatchWithMembers(
    tx: EntityManager,
    batch: Omit<InspectionBatchEntity, 'createdAt'>,
    members: Array<{ candidateId: string; fromBatchId: string | null }>,
    by: { userId: string; role: string },
  ): Promise<void> {
    await tx.getRepository(InspectionBatchEntity).insert(batch);
    await tx.getRepository(CandidateEntity).update({ id: In(members.map((m) => m.candidateId)) }, { inspectionBatchId: batch.id });
    await tx
      .getRepository(InspectionBatchMoveEntity)
      .insert(members.map((m) => ({ candidateId: m.candidateId, fromBatchId: m.fromBatchId, toBatchId: batch.id, movedBy: by.userId, role: by.role })));
  }

  findBatch(id: string): Promise<InspectionBatchEntity | null> {
    return this.ds.getRepository(InspectionBatchEntity).findOneBy({ id });
  }

  /** Batches newest first, each with how many candidates it holds now. */
  async listBatches(filter: { roundId?: string; limit: number; offset: number }): Promise<{ items: BatchSummary[]; total: number }> {
    const params: unknown[] = [filter.roundId ?? null];
    const where = `($1::uuid IS NULL OR b.round_id = $1)`;
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT b.id, b.round_id, b.name, to_char(b.planned_on, 'YYYY-MM-DD') AS planned_on, b.members, b.created_by, b.created_at,
              (SELECT count(*) FROM candidates c WHERE c.inspection_batch_id = b.id)::int AS candidate_count
         FROM inspection_batches b
        WHERE ${where}
        ORDER BY b.created_at DESC, b.id DESC
        LIMIT $2 OFFSET $3`,
      [...params, filter.limit, filter.offset],
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM inspection_batches b WHERE ${where}`, params);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        roundId: r.round_id,
        name: r.name,
        plannedOn: r.planned_on,
        members: r.members,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at),
        candidateCount: r.candidate_count,
      })),
    };
  }

  /** The batch's candidates now, with where each stands (the status each workflow reports). */
  membersOf(batchId: string): Promise<BatchMember[]> {
    return this.ds.query(
      `SELECT c.id AS "candidateId", c.name, c.employer, s.stage, s.status
         FROM candidates c LEFT JOIN candidate_status s ON s.candidate_id = c.id
        WHERE c.inspection_batch_id = $1 ORDER BY c.name, c.id`,
      [batchId],
    );
  }

  /** Every candidate put into or moved out of the batch, oldest first. */
  movesOf(batchId: string): Promise<BatchMove[]> {
    return this.ds.query(
      `SELECT m.candidate_id AS "candidateId", c.name, m.from_batch_id AS "fromBatchId", m.to_batch_id AS "toBatchId",
              m.moved_by AS "movedBy", m.role, m.at
         FROM inspection_batch_moves m JOIN candidates c ON c.id = m.candidate_id
        WHERE m.to_batch_id = $1 OR m.from_batch_id = $1
        ORDER BY m.at, m.id`,
      [batchId],
    );
  }
}
