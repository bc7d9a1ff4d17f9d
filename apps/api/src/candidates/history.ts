import type { AuditActor, AuditRow } from '../../../../libs/audit';
import type { TimelineEntry } from './timeline';

/** A row of the audit log in the auditor's timeline: what was done or tried, by whom, the answer, and why. */
export interface AuditTimelineEntry {
  at: string;
  type: 'audit';
  auditId: string;
  /** The route of a write (`POST /candidates/:id/decisions`), `request.refused`, `pii.read`… */
  action: string;
  route: string | null;
  actor: AuditActor;
  role: string | null;
  userId: string | null;
  /** The HTTP status answered. */
  status: number | null;
  /** Why: the reason the caller gave, or for a refusal the reason it was refused. */
  reason?: string;
  detail: Record<string, unknown>;
}

export type HistoryEntry = TimelineEntry | AuditTimelineEntry;

function auditEntry(row: AuditRow): AuditTimelineEntry {
  const body = row.detail.body as { reason?: unknown } | undefined;
  const reason = row.action === 'request.refused' ? row.detail.message : body?.reason;
  return {
    at: row.at,
    type: 'audit',
    auditId: row.id,
    action: row.action,
    route: row.route,
    actor: row.actor,
    role: row.actor.role,
    userId: row.actor.userId,
    status: row.status,
    ...(typeof reason === 'string' && { reason }),
    detail: row.detail,
  };
}

/**
 * The workflow's timeline and the candidate's audit rows as one list ordered by time. Entries at the
 * same instant keep their own order, the workflow's first (the audit row of a write is appended once
 * the workflow has taken it).
 */
export function mergeHistory(timeline: TimelineEntry[], audit: AuditRow[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < timeline.length || j < audit.length) {
    const takeTimeline = j >= audit.length || (i < timeline.length && Date.parse(timeline[i].at) <= Date.parse(audit[j].at));
    out.push(takeTimeline ? timeline[i++] : auditEntry(audit[j++]));
  }
  return out;
}
