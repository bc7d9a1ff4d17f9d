import type { EntryOutcome, RoundSummaryV1 } from '../../../../libs/contract';
import type { RoundEntity } from '../../../../libs/db';
import { roundPhase } from './round-time';

/** How much of the round's quota the formal list and what followed it use. */
export interface QuotaUse {
  quota: number;
  /** On the formal candidate list and still standing (selected, approved or commended). */
  selected: number;
  /** Approved by the district government (commended included). */
  approved: number;
  commended: number;
  /** Places of the quota not taken by a standing candidate. */
  remaining: number;
}

export interface RoundView {
  id: string;
  year: number;
  quota: number;
  /** The round workflow's phase, or for a round from before rounds ran as workflows the one its windows give. */
  phase: string;
  nominationOpensAt: string;
  nominationClosesAt: string;
  reviewClosesAt: string;
  windows: {
    nomination: { opensAt: string; closesAt: string };
    review: { closesAt: string };
    voting: { opensAt: string | null; closesAt: string | null; days: number };
    notice: { startsAt: string | null; endsAt: string | null; durationMs: number | null };
    ceremony: { date: string | null; place: string | null };
  };
  quotaUse: QuotaUse;
  /** Candidates on the re-review list, by their outcome so far ('pending': none yet). */
  entries: Record<string, number>;
  runsAsWorkflow: boolean;
  createdBy: string;
  createdAt: string;
}

/** What the view is made of: the row, and where the round stands (its projection, or an Update's reply). */
export interface RoundFacts {
  row: RoundEntity;
  phase: string | null;
  windows: {
    votingOpensAt: string | null;
    votingClosesAt: string | null;
    noticeStartsAt: string | null;
    noticeEndsAt: string | null;
    nominationClosesAt: string;
    reviewClosesAt: string;
  };
  ceremony: { date: string | null; place: string | null };
  outcomes: Record<string, number>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The facts from the projection the round workflow writes (`rounds`, `round_entries`). */
export function factsFromProjection(row: RoundEntity, outcomes: Record<string, number>, place: string | null = null): RoundFacts {
  return {
    row,
    phase: row.phase,
    windows: {
      nominationClosesAt: row.nominationClosesAt.toISOString(),
      reviewClosesAt: row.reviewClosesAt.toISOString(),
      votingOpensAt: iso(row.votingOpensAt),
      votingClosesAt: iso(row.votingClosesAt),
      noticeStartsAt: iso(row.noticeStartsAt),
      noticeEndsAt: iso(row.noticeEndsAt),
    },
    ceremony: { date: row.ceremonyDate, place },
    outcomes,
  };
}

/** The facts from the state an Update replied with: the projection may trail it by a moment. */
export function factsFromState(row: RoundEntity, s: RoundSummaryV1): RoundFacts {
  const { standing, ...decided } = s.outcomes;
  const outcomes: Record<string, number> = { ...decided, ...(standing && { pending: standing }) };
  return {
    row,
    phase: s.phase,
    windows: s.windows,
    ceremony: { date: s.ceremony?.date ?? null, place: s.ceremony?.place ?? null },
    outcomes,
  };
}

const count = (outcomes: Record<string, number>, ...keys: EntryOutcome[]) => keys.reduce((n, k) => n + (outcomes[k] ?? 0), 0);

/** The one view of a round, for `GET /rounds/:id` and the reply to every action on it. */
export function roundView(f: RoundFacts, now: Date): RoundView {
  const r = f.row;
  const windows = {
    nominationOpensAt: r.nominationOpensAt,
    nominationClosesAt: new Date(f.windows.nominationClosesAt),
    reviewClosesAt: new Date(f.windows.reviewClosesAt),
  };
  let phase = f.phase ?? roundPhase(windows, now);
  // A round workflow that has yet to report stays in review past its windows until the office freezes the list.
  if (!f.phase && r.workflowId && phase === 'closed') phase = 'reviewing';
  // The workflow counts the time before nominations open as nominating; people call it upcoming.
  if (phase === 'nominating' && now < r.nominationOpensAt) phase = 'upcoming';
  const selected = count(f.outcomes, 'selected', 'approved', 'commended');
  return {
    id: r.id,
    year: r.year,
    quota: r.quota,
    phase,
    nominationOpensAt: r.nominationOpensAt.toISOString(),
    nominationClosesAt: f.windows.nominationClosesAt,
    reviewClosesAt: f.windows.reviewClosesAt,
    windows: {
      nomination: { opensAt: r.nominationOpensAt.toISOString(), closesAt: f.windows.nominationClosesAt },
      review: { closesAt: f.windows.reviewClosesAt },
      voting: { opensAt: f.windows.votingOpensAt, closesAt: f.windows.votingClosesAt, days: r.votingDays },
      notice: { startsAt: f.windows.noticeStartsAt, endsAt: f.windows.noticeEndsAt, durationMs: r.publicNoticeMs },
      ceremony: f.ceremony,
    },
    quotaUse: {
      quota: r.quota,
      selected,
      approved: count(f.outcomes, 'approved', 'commended'),
      commended: count(f.outcomes, 'commended'),
      remaining: Math.max(0, r.quota - selected),
    },
    entries: f.outcomes,
    runsAsWorkflow: !!r.workflowId,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}
