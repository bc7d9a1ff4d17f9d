import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../../../../libs/contract';
import type { TokenClaims } from '../../../../libs/security/token';
import { byDue, ROUND_ROLES, roundTasks, type RoundFacts, type RoundTask } from './round-tasks';

/** A file waiting on the caller (`kind: 'file'`); the round's own steps are `RoundTask`s (`kind: 'round'`). */
export interface InboxTask {
  kind: 'file';
  candidateId: string;
  name: string;
  employer: string;
  industry: string;
  channel: string;
  area: string | null;
  roundId: string | null;
  inspectionBatchId: string | null;
  stage: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  action: string;
}

/** For each role: which (stage, status) pairs wait on it, and what it must do there. */
const WAITING: Partial<Record<Role, Array<{ stage: string; status: string; action: string }>>> = {
  street_union: [{ stage: 'endorsement', status: 'awaiting_decision', action: 'endorse, reject or return the nomination' }],
  union_office: [
    { stage: 'qualification', status: 'awaiting_decision', action: 'screen qualification: approve, reject or return' },
    { stage: 'expert_review', status: 'awaiting_panel', action: 'seat the expert panel (at least 5)' },
    { stage: 'voting', status: 'awaiting_decision', action: 'close the online vote: approve, reject or return' },
    { stage: 'commendation', status: 'awaiting_decision', action: 'record the commendation' },
  ],
  inspector: [{ stage: 'inspection', status: 'awaiting_decision', action: 'record the visit and conclude the inspection' }],
  expert: [{ stage: 'expert_review', status: 'scoring', action: 'score each condition claimed (0-100)' }],
  leadership: [{ stage: 'leadership', status: 'awaiting_decision', action: 'review against the quota: approve, reject or return' }],
  government: [{ stage: 'government_approval', status: 'awaiting_decision', action: 'approve or reject the named master' }],
};

/**
 * The reviewer's inbox, read from the status each workflow reports about itself. Sub-district unions
 * see only their own area's files, experts only the files whose panel seats them and that they have
 * yet to score, nominators the files returned to them. After the files come the steps of the rounds
 * that run as workflows waiting on the role, read from the round projection (no Temporal call).
 */
@Injectable()
export class TasksService {
  constructor(private readonly ds: DataSource) {}

  async inbox(claims: TokenClaims, now = new Date()): Promise<Array<InboxTask | RoundTask>> {
    const files = await this.fileTasks(claims, now);
    if (!ROUND_ROLES.includes(claims.role)) return files;
    const rounds = await this.roundFacts(claims.role === 'union_office');
    return [...files, ...rounds.flatMap((r) => roundTasks(claims.role, r, now)).sort(byDue)];
  }

  private async fileTasks(claims: TokenClaims, now: Date): Promise<InboxTask[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (claims.role === 'nominator') {
      where.push(`s.status = 'returned' AND c.submitted_by = ${p(claims.sub)}`);
    } else {
      const waiting = WAITING[claims.role] ?? [];
      if (!waiting.length) return [];
      where.push(`(${waiting.map((w) => `(s.stage = ${p(w.stage)} AND s.status = ${p(w.status)})`).join(' OR ')})`);
    }
    if (claims.role === 'street_union') where.push(claims.area ? `c.area = ${p(claims.area)}` : 'c.area IS NULL');
    if (claims.role === 'expert') where.push(`s.panel @> ${p(JSON.stringify([{ userId: claims.sub, status: 'assigned' }]))}::jsonb`);
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT c.id, c.name, c.employer, c.industry, c.channel, c.area, c.round_id, c.inspection_batch_id, s.stage, s.status, s.due_at
         FROM candidate_status s JOIN candidates c ON c.id = s.candidate_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.due_at ASC NULLS LAST, c.created_at ASC`,
      params,
    );
    return rows.map((r) => ({
      kind: 'file' as const,
      candidateId: r.id,
      name: r.name,
      employer: r.employer,
      industry: r.industry,
      channel: r.channel,
      area: r.area,
      roundId: r.round_id,
      inspectionBatchId: r.inspection_batch_id,
      stage: r.stage,
      status: r.status,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      overdue: !!r.due_at && new Date(r.due_at) < now,
      action: claims.role === 'nominator' ? 'add what is missing and resubmit' : WAITING[claims.role]!.find((w) => w.stage === r.stage && w.status === r.status)!.action,
    }));
  }

  /** Rounds whose workflow has a phase before closed, with what their steps depend on. */
  private async roundFacts(withObjections: boolean): Promise<RoundFacts[]> {
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT r.id, r.year, r.phase, r.review_closes_at, r.notice_ends_at, r.ceremony_date::text AS ceremony_date,
              (SELECT count(*) FROM round_entries e WHERE e.round_id = r.id AND e.outcome IS NULL)::int AS undecided,
              (SELECT count(*) FROM round_entries e WHERE e.round_id = r.id AND e.outcome = 'selected')::int AS selected
         FROM rounds r
        WHERE r.phase IS NOT NULL AND r.phase <> 'closed'
        ORDER BY r.year`,
    );
    const open: Array<Record<string, any>> =
      withObjections && rows.some((r) => r.phase === 'public_notice')
        ? await this.ds.query(
            `SELECT o.id, o.round_id, o.candidate_id, c.name
               FROM objections o JOIN candidates c ON c.id = o.candidate_id
              WHERE o.status = 'open' AND o.round_id = ANY($1)
              ORDER BY o.filed_at, o.id`,
            [rows.filter((r) => r.phase === 'public_notice').map((r) => r.id)],
          )
        : [];
    return rows.map((r) => ({
      roundId: r.id,
      year: Number(r.year),
      phase: r.phase,
      reviewClosesAt: new Date(r.review_closes_at),
      noticeEndsAt: r.notice_ends_at ? new Date(r.notice_ends_at) : null,
      ceremonyDate: r.ceremony_date,
      undecided: r.undecided,
      selected: r.selected,
      openObjections: open.filter((o) => o.round_id === r.id).map((o) => ({ objectionId: o.id, candidateId: o.candidate_id, candidateName: o.name })),
    }));
  }
}
