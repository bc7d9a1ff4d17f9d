import type { Role } from '../../../../libs/contract';

/** A round step waiting on the caller's role, as `GET /tasks` lists it after the per-file items. */
export interface RoundTask {
  kind: 'round';
  roundId: string;
  year: number;
  phase: string;
  step: 'freeze_re_review_list' | 'open_voting' | 'approve_formal_list' | 'start_public_notice' | 'resolve_objection' | 'approve_list' | 'record_ceremony';
  action: string;
  /** The call that does it, e.g. `POST /rounds/<id>/voting`. */
  endpoint: string;
  dueAt: string | null;
  overdue: boolean;
  /** For `resolve_objection` only: which objection, about which candidate (never the objector). */
  objectionId?: string;
  candidateId?: string;
  candidateName?: string;
}

/** What the inbox reads about one round that runs as a workflow: its projection, never Temporal. */
export interface RoundFacts {
  roundId: string;
  year: number;
  phase: string;
  reviewClosesAt: Date;
  noticeEndsAt: Date | null;
  ceremonyDate: string | null;
  /** Entries on the re-review list without an outcome yet. */
  undecided: number;
  /** Entries selected onto the formal list and still standing as such. */
  selected: number;
  openObjections: Array<{ objectionId: string; candidateId: string; candidateName: string }>;
}

/**
 * The round steps a role must take now, from where the round's projection stands. Only phases that
 * wait on people give a task: nominations and the vote close on their own timers, the notice too
 * once every objection is resolved.
 */
export function roundTasks(role: Role, r: RoundFacts, now: Date): RoundTask[] {
  const base = { kind: 'round' as const, roundId: r.roundId, year: r.year, phase: r.phase };
  const task = (step: RoundTask['step'], action: string, endpoint: string, due: Date | null = null, extra: Partial<RoundTask> = {}): RoundTask => ({
    ...base,
    step,
    action,
    endpoint,
    dueAt: due ? due.toISOString() : null,
    overdue: !!due && due < now,
    ...extra,
  });
  const path = `/rounds/${r.roundId}`;
  if (role === 'union_office') {
    switch (r.phase) {
      case 'reviewing':
        // The round waits for the office past the review window: due then, overdue after.
        return [task('freeze_re_review_list', 'freeze the re-review list (复审名单)', `POST ${path}/re-review-list`, r.reviewClosesAt)];
      case 're_review_list':
        return [task('open_voting', 'open the online vote (网络投票)', `POST ${path}/voting`)];
      case 'leadership_review':
        return r.undecided === 0 && r.selected > 0 ? [task('start_public_notice', 'start the public notice (社会公示)', `POST ${path}/public-notice`)] : [];
      case 'public_notice':
        return r.openObjections.map((o) =>
          task(
            'resolve_objection',
            `resolve the objection about ${o.candidateName}: upheld or dismissed`,
            `POST /objections/${o.objectionId}/resolution`,
            r.noticeEndsAt,
            o,
          ),
        );
      case 'commendation':
        return r.ceremonyDate ? [] : [task('record_ceremony', 'record the ceremony (表彰): date, place', `POST ${path}/ceremony`)];
    }
  }
  if (role === 'leadership' && r.phase === 'leadership_review' && r.undecided > 0) {
    return [task('approve_formal_list', 'approve the formal candidate list (正式候选名单) within the quota', `POST ${path}/formal-list`)];
  }
  if (role === 'government' && r.phase === 'government_approval') {
    return [task('approve_list', 'approve the list (报区政府审定), a reason for each not approved', `POST ${path}/approval`)];
  }
  return [];
}

/** Round tasks soonest due first (none due last), then by year and as listed. */
export function byDue(a: RoundTask, b: RoundTask): number {
  const due = (t: RoundTask) => (t.dueAt ? Date.parse(t.dueAt) : Infinity);
  return due(a) - due(b) || a.year - b.year;
}

/** The roles that ever have a round step. */
export const ROUND_ROLES: Role[] = ['union_office', 'leadership', 'government'];
