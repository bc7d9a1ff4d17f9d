import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOSED_STATUSES } from '../../../../libs/contract';

import { ON_THE_LISTS } from './candidate-access';

/** Which files a caller may list: the same scopes as CandidateAccess applies to one file. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'submitter'; issuer: string; userId: string; role: string }
  | { kind: 'area'; area: string | null }
  | { kind: 'panel'; userId: string }
  | { kind: 'lists' };

export interface ListFilter {
  roundId?: string;
  stage?: string;
  status?: string;
  channel?: string;
  industry?: string;
  area?: string;
  q?: string;
  overdue?: boolean;
}

export interface ListOrder {
  sort: 'nominatedAt' | 'dueAt';
  order: 'asc' | 'desc';
}

/** One file as the list reads it: the candidate row, its status projection (if any yet) and its round's year. */
export interface CandidateListRow {
  id: string;
  name: string;
  channel: string;
  industry: string;
  trade: string;
  employer: string;
  area: string | null;
  roundId: string | null;
  roundYear: number | null;
  stage: string | null;
  status: string | null;
  dueAt: Date | null;
  overdue: boolean;
  scoreCenti: number | null;
  nominatedAt: Date;
  idNumberCipher: string | null;
  mobileCipher: string | null;
  homeAddressCipher: string | null;
  erasedAt: Date | null;
}

/**
 * Lists files from the candidates table and the status projection each workflow writes, in one
 * query whose window count gives the total: no call to Temporal per row.
 */
@Injectable()
export class CandidateListRepository {
  constructor(private readonly ds: DataSource) {}

  /** A page of the files in scope that match, with the total; without a page, every match. */
  async findMatching(
    scope: ListScope,
    filter: ListFilter,
    order: ListOrder,
    page: { limit: number; offset: number } | null,
    now: Date,
  ): Promise<{ rows: CandidateListRow[]; total: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    // Overdue: past the current stage's due date and still open; a rejected or withdrawn file keeps its last due date.
    const overdue = `(s.due_at IS NOT NULL AND s.due_at < ${p(now)} AND s.status <> ALL(${p(CLOSED_STATUSES)}::text[]))`;
    const where = [...this.scopeClauses(scope, p), ...this.filterClauses(filter, overdue, p)];
    const from = `FROM candidates c
        LEFT JOIN candidate_status s ON s.candidate_id = c.id
        LEFT JOIN rounds r ON r.id = c.round_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const dir = order.order === 'desc' ? 'DESC' : 'ASC';
    // Ties fall back to filing order then id, so pages never overlap or skip.
    const orderBy = order.sort === 'dueAt' ? `s.due_at ${dir} NULLS LAST, c.created_at ASC, c.id ASC` : `c.created_at ${dir}, c.id ${dir}`;
    const filterParams = [...params];
    const limit = page ? `LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}` : '';
    const columns = `c.id, c.name, c.channel, c.industry, c.trade, c.employer, c.area, c.round_id, r.year AS round_year,
              c.created_at, c.id_number_cipher, c.mobile_cipher, c.home_address_cipher, c.erased_at,
              s.stage, s.status, s.due_at, s.score_centi, ${overdue} AS overdue`;
    const raw: Array<Record<string, any>> = await this.ds.query(
      `SELECT ${columns}, count(*) OVER () AS total
         ${from}
        ORDER BY ${orderBy}
        ${limit}`,
      params,
    );
    // A page past the end has no row to carry the window count.
    const total = raw.length
      ? Number(raw[0].total)
      : page && page.offset > 0
        ? Number((await this.ds.query(`SELECT count(*) AS total FROM (SELECT ${columns} ${from}) m`, filterParams))[0].total)
        : 0;
    return { rows: raw.map(toRow), total };
  }

  private scopeClauses(scope: ListScope, p: (v: unknown) => string): string[] {
    switch (scope.kind) {
      case 'all':
        return [];
      case 'submitter':
        // The same identity: subject, role and issuer (files from before issuers were recorded: subject and role).
        return [`c.submitted_by = ${p(scope.userId)}`, `c.submitted_role = ${p(scope.role)}`, `(c.submitted_issuer IS NULL OR c.submitted_issuer = ${p(scope.issuer)})`];
      case 'area':
        // A union sees its own area; files nominated without an area, the unions without one.
        return [scope.area === null ? 'c.area IS NULL' : `c.area = ${p(scope.area)}`];
      case 'panel':
        // Seated and still taking part (to score, or scored): a recused expert, or one who declared a conflict, has left the file.
        return [
          `(s.panel @> ${p(JSON.stringify([{ userId: scope.userId, status: 'assigned' }]))}::jsonb OR s.panel @> ${p(JSON.stringify([{ userId: scope.userId, status: 'scored' }]))}::jsonb)`,
        ];
      case 'lists':
        return [`(s.stage = ANY(${p(ON_THE_LISTS.stages)}) OR (s.stage = 'closed' AND s.status = ANY(${p(ON_THE_LISTS.closedAs)})))`];
    }
  }

  private filterClauses(f: ListFilter, overdue: string, p: (v: unknown) => string): string[] {
    const clauses: string[] = [];
    if (f.roundId) clauses.push(`c.round_id = ${p(f.roundId)}`);
    if (f.stage) clauses.push(`s.stage = ${p(f.stage)}`);
    if (f.status) clauses.push(`s.status = ${p(f.status)}`);
    if (f.channel) clauses.push(`c.channel = ${p(f.channel)}`);
    if (f.industry) clauses.push(`c.industry = ${p(f.industry)}`);
    if (f.area) clauses.push(`c.area = ${p(f.area)}`);
    // strpos, not LIKE: a % or _ typed into the search box is looked for as itself.
    if (f.q) clauses.push(`strpos(lower(c.name), lower(${p(f.q)})) > 0`);
    if (f.overdue !== undefined) clauses.push(f.overdue ? overdue : `NOT ${overdue}`);
    return clauses;
  }
}

function toRow(r: Record<string, any>): CandidateListRow {
  return {
    id: r.id,
    name: r.name,
    channel: r.channel,
    industry: r.industry,
    trade: r.trade,
    employer: r.employer,
    area: r.area,
    roundId: r.round_id,
    roundYear: r.round_year ?? null,
    stage: r.stage,
    status: r.status,
    dueAt: r.due_at ? new Date(r.due_at) : null,
    overdue: !!r.overdue,
    scoreCenti: r.score_centi ?? null,
    nominatedAt: new Date(r.created_at),
    idNumberCipher: r.id_number_cipher,
    mobileCipher: r.mobile_cipher,
    homeAddressCipher: r.home_address_cipher,
    erasedAt: r.erased_at ? new Date(r.erased_at) : null,
  };
}
