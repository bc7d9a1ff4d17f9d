import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ObjectionEntity } from '../../../../libs/db';

export interface ObjectionRow extends ObjectionEntity {
  candidateName: string;
  year: number;
}

export interface NoticeEntry {
  candidateId: string;
  name: string;
  employer: string;
  trade: string;
  sex: string | null;
  deeds: string | null;
  outcome: string;
}

/** The objections (异议) table and the public notice's list, read and written in named queries. */
@Injectable()
export class ObjectionRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: EntityManager, row: Omit<ObjectionEntity, 'filedAt' | 'status' | 'resolutionReason' | 'resolvedBy' | 'resolvedAt'>): Promise<void> {
    await tx.getRepository(ObjectionEntity).insert(row);
  }

  async find(id: string): Promise<ObjectionRow | null> {
    const rows = await this.select('o.id = $1', [id]);
    return rows[0] ?? null;
  }

  /** A round's objections, oldest first. */
  async forRound(roundId: string): Promise<ObjectionRow[]> {
    return this.select('o.round_id = $1', [roundId]);
  }

  /** The objections raised against one candidate, oldest first. */
  async forCandidate(candidateId: string): Promise<ObjectionRow[]> {
    return this.select('o.candidate_id = $1', [candidateId]);
  }

  private async select(where: string, params: unknown[]): Promise<ObjectionRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT o.id, o.round_id, o.candidate_id, o.objector_name, o.contact_cipher, o.grounds, o.ip_hash, o.filed_at, o.status,
              o.resolution_reason, o.resolved_by, o.resolved_at, c.name AS candidate_name, r.year
         FROM objections o JOIN candidates c ON c.id = o.candidate_id JOIN rounds r ON r.id = o.round_id
        WHERE ${where} ORDER BY o.filed_at, o.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      roundId: r.round_id as string,
      candidateId: r.candidate_id as string,
      objectorName: r.objector_name as string,
      contactCipher: r.contact_cipher as string,
      grounds: r.grounds as string,
      ipHash: r.ip_hash as string,
      filedAt: new Date(r.filed_at as string),
      status: r.status as ObjectionEntity['status'],
      resolutionReason: r.resolution_reason as string | null,
      resolvedBy: r.resolved_by as string | null,
      resolvedAt: r.resolved_at ? new Date(r.resolved_at as string) : null,
      candidateName: r.candidate_name as string,
      year: Number(r.year),
    }));
  }

  /** The candidates the notice announces: selected onto the formal list and still standing. */
  async noticeEntries(roundId: string): Promise<NoticeEntry[]> {
    const rows: Array<{ id: string; name: string; employer: string; trade: string; sex: string | null; deeds: string | null; outcome: string }> = await this.ds.query(
      `SELECT c.id, c.name, c.employer, c.trade, c.form->>'sex' AS sex, c.form->>'deeds' AS deeds, e.outcome
         FROM round_entries e JOIN candidates c ON c.id = e.candidate_id
        WHERE e.round_id = $1 AND e.outcome IN ('selected', 'approved', 'commended')
        ORDER BY e.combined_rank NULLS LAST, e.rank, c.name, c.id`,
      [roundId],
    );
    return rows.map((r) => ({ candidateId: r.id, name: r.name, employer: r.employer, trade: r.trade, sex: r.sex, deeds: r.deeds, outcome: r.outcome }));
  }
}
