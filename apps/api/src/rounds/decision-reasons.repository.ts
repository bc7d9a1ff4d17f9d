import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The reasons of a formal list, stored before the round is sent the list by ids: a re-review list of
 * 10,000 carries 10,000 reasons, more than one Temporal message may hold (see FormalListV2).
 */
@Injectable()
export class DecisionReasonsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Stores the reasons under a new id; a candidate named twice keeps the first (the round refuses such a list). */
  async store(roundId: string, reasons: Array<{ candidateId: string; reason: string }>): Promise<string> {
    const reasonsId = randomUUID();
    await this.ds.query(
      `INSERT INTO round_decision_reasons (reasons_id, candidate_id, round_id, reason)
       SELECT $1, x.candidate_id, $2, x.reason FROM unnest($3::uuid[], $4::text[]) AS x(candidate_id, reason) WHERE true
       ON CONFLICT DO NOTHING`,
      [reasonsId, roundId, reasons.map((r) => r.candidateId), reasons.map((r) => r.reason.trim())],
    );
    return reasonsId;
  }

  /** Takes back the reasons of a list the round refused. */
  async discard(reasonsId: string): Promise<void> {
    await this.ds.query(`DELETE FROM round_decision_reasons WHERE reasons_id = $1`, [reasonsId]);
  }
}
