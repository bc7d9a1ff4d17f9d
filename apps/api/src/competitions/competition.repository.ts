import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NAMED_MASTERS_SQL } from '../../../../libs/db';
import type { CompetitionLevel } from './competition.dto';

export interface CompetitionRow {
  id: string;
  name: string;
  trade: string;
  heldOn: string;
  level: CompetitionLevel;
  organiser: string;
  recordedAt: string;
}

export interface ResultRow {
  id: string;
  name: string;
  employer: string;
  placing: number;
  award: string | null;
}

/** A result with the competition it belongs to: what a linked nomination is checked against. */
export interface LinkedResult extends ResultRow {
  competition: Pick<CompetitionRow, 'id' | 'name' | 'trade' | 'heldOn' | 'level' | 'organiser'>;
}

export interface NomineeRow {
  candidateId: string;
  name: string;
  resultId: string;
  roundId: string | null;
  stage: string | null;
  status: string | null;
  named: boolean;
  commendedOn: string | null;
}

/** The result with its competition; also read by the candidate view for the pre-check. */
export async function findLinkedResult(ds: DataSource, id: string): Promise<LinkedResult | null> {
  const [row] = (await ds.query(
    `SELECT r.id, r.competitor_name AS "name", r.employer, r.place AS placing, r.award,
            json_build_object('id', c.id, 'name', c.name, 'trade', c.trade, 'heldOn', to_char(c.held_on, 'YYYY-MM-DD'), 'level', c.level, 'organiser', c.organiser) AS competition
       FROM competition_results r JOIN competitions c ON c.id = r.competition_id
      WHERE r.id = $1`,
    [id],
  )) as LinkedResult[];
  return row ?? null;
}

const COMPETITION_COLUMNS = `id, name, trade, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", level, organiser, recorded_at AS "recordedAt"`;

/** Competitions, their results, and the files nominated on them. */
@Injectable()
export class CompetitionRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(c: Omit<CompetitionRow, 'recordedAt'>, by: string): Promise<void> {
    await this.ds.query(`INSERT INTO competitions (id, name, trade, held_on, level, organiser, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      c.id,
      c.name,
      c.trade,
      c.heldOn,
      c.level,
      c.organiser,
      by,
    ]);
  }

  /** Newest first, each with its number of placings. */
  list(filter: { year?: number; level?: string; trade?: string }): Promise<Array<Omit<CompetitionRow, 'recordedAt'> & { results: number }>> {
    return this.ds.query(
      `SELECT c.id, c.name, c.trade, to_char(c.held_on, 'YYYY-MM-DD') AS "heldOn", c.level, c.organiser,
              (SELECT count(*)::int FROM competition_results r WHERE r.competition_id = c.id) AS results
         FROM competitions c
        WHERE ($1::int IS NULL OR extract(year FROM c.held_on) = $1) AND ($2::text IS NULL OR c.level = $2) AND ($3::text IS NULL OR c.trade = $3)
        ORDER BY c.held_on DESC, c.recorded_at DESC`,
      [filter.year ?? null, filter.level ?? null, filter.trade ?? null],
    );
  }

  async find(id: string, tx: EntityManager = this.ds.manager): Promise<CompetitionRow | null> {
    const [row] = (await tx.query(`SELECT ${COMPETITION_COLUMNS} FROM competitions WHERE id = $1`, [id])) as CompetitionRow[];
    return row ? { ...row, recordedAt: new Date(row.recordedAt).toISOString() } : null;
  }

  /** Locks the competition's row, so results recorded at once for it line up. */
  async lock(tx: EntityManager, id: string): Promise<boolean> {
    return ((await tx.query(`SELECT id FROM competitions WHERE id = $1 FOR UPDATE`, [id])) as unknown[]).length > 0;
  }

  async insertResults(tx: EntityManager, competitionId: string, results: ResultRow[], by: string): Promise<void> {
    await tx.query(
      `INSERT INTO competition_results (id, competition_id, competitor_name, employer, place, award, recorded_by)
       SELECT x.id, $2, x."name", x.employer, x."placing", x.award, $3
         FROM json_to_recordset($1::json) AS x(id uuid, "name" text, employer text, "placing" int, award text)`,
      [JSON.stringify(results), competitionId, by],
    );
  }

  results(competitionId: string, tx: EntityManager = this.ds.manager): Promise<ResultRow[]> {
    return tx.query(
      `SELECT id, competitor_name AS "name", employer, place AS placing, award FROM competition_results WHERE competition_id = $1 ORDER BY place, recorded_at, id`,
      [competitionId],
    );
  }

  findResult(id: string): Promise<LinkedResult | null> {
    return findLinkedResult(this.ds, id);
  }

  /** A file of the round already resting on the result, if any. */
  async linkedInRound(resultId: string, roundId: string | null): Promise<string | null> {
    const [row] = (await this.ds.query(`SELECT id FROM candidates WHERE competition_result_id = $1 AND round_id IS NOT DISTINCT FROM $2 LIMIT 1`, [
      resultId,
      roundId,
    ])) as Array<{
      id: string;
    }>;
    return row?.id ?? null;
  }

  /** Every file nominated on one of the competition's results, where it stands, and the day it was named (libs/db/named-masters: every way a master is named). */
  nominees(competitionId: string): Promise<NomineeRow[]> {
    return this.ds.query(
      `SELECT c.id AS "candidateId", c.name, c.competition_result_id AS "resultId", c.round_id AS "roundId", s.stage, s.status,
              m.candidate_id IS NOT NULL AS named, to_char(m.named_on, 'YYYY-MM-DD') AS "commendedOn"
         FROM candidates c
         JOIN competition_results res ON res.id = c.competition_result_id
         LEFT JOIN candidate_status s ON s.candidate_id = c.id
         LEFT JOIN (${NAMED_MASTERS_SQL}) m ON m.candidate_id = c.id
        WHERE res.competition_id = $1
        ORDER BY res.place, c.created_at`,
      [competitionId],
    );
  }
}
