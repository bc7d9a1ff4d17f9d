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

/** An edit of the application form (a resubmission): each field changed, old → new; personal fields only as changed. */
export interface FormEditEntry {
  at: string;
  type: 'form_edited';
  version: number;
  userId: string;
  note: string | null;
  changes: Array<{ field: string; from?: unknown; to?: unknown; changed?: true }>;
}

export type HistoryEntry = TimelineEntry | AuditTimelineEntry | FormEditEntry;

/** A version of the form as candidate_versions keeps it: public fields in clear, personal ones under `sealed`. */
export interface FormVersion {
  version: number;
  form: Record<string, unknown> & { sealed?: Record<string, string> };
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

/**
 * Each version after the first against the one before: public fields old → new; personal fields
 * (sealed) only named as changed — `open` unseals them to compare, and no value leaves this function.
 */
export function formEdits(versions: FormVersion[], open: (sealed: string) => string): FormEditEntry[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  return sorted.slice(1).map((v, i) => {
    const before = sorted[i];
    const { sealed: oldSealed = {}, ...oldForm } = before.form;
    const { sealed: newSealed = {}, ...newForm } = v.form;
    const changes: FormEditEntry['changes'] = [];
    for (const field of [...new Set([...Object.keys(oldForm), ...Object.keys(newForm)])].sort()) {
      if (JSON.stringify(oldForm[field]) !== JSON.stringify(newForm[field])) changes.push({ field, from: oldForm[field] ?? null, to: newForm[field] ?? null });
    }
    for (const field of [...new Set([...Object.keys(oldSealed), ...Object.keys(newSealed)])].sort()) {
      const was = oldSealed[field] === undefined ? null : open(oldSealed[field]);
      const is = newSealed[field] === undefined ? null : open(newSealed[field]);
      if (was !== is) changes.push({ field, changed: true });
    }
    return { at: v.createdAt.toISOString(), type: 'form_edited', version: v.version, userId: v.createdBy, note: v.note, changes };
  });
}

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
export function mergeHistory(timeline: Array<TimelineEntry | FormEditEntry>, audit: AuditRow[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < timeline.length || j < audit.length) {
    const takeTimeline = j >= audit.length || (i < timeline.length && Date.parse(timeline[i].at) <= Date.parse(audit[j].at));
    out.push(takeTimeline ? timeline[i++] : auditEntry(audit[j++]));
  }
  return out;
}
