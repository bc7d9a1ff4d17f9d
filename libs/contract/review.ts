import type { Actor } from './roles';
import type { Stage } from './stages';

/** The four conditions of eligibility; a candidate claims at least one (评选条件). */
export const CONDITIONS = ['craft_specialty', 'superb_skill', 'leading_role', 'outstanding_contribution'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Automatic pre-checks shown to the qualification reviewer with their result. */
export interface PrecheckResult {
  check: 'years_of_work' | 'industry_scope' | 'conditions' | 'consent_document' | 'competition_result';
  passed: boolean;
  detail: string;
}

/** What the in-depth review needs, computed by the API from the round and the form at nomination. */
export interface ReviewPlanV1 {
  /** Due instant (ISO) of each stage, from the round's review window. */
  deadlines: Partial<Record<Stage, string>>;
  /** How long before a stage is due the reminder is raised (2 days). */
  reminderLeadMs: number;
  prechecks: PrecheckResult[];
  /** Conditions claimed: each expert scores each of them. */
  conditions: Condition[];
  minPanelSize: number;
}

export interface InspectionVisit {
  date: string; // YYYY-MM-DD
  place: string;
  members: string[];
  findings: string;
}

export interface PanelAssignmentV1 {
  /** Experts added to the panel; the API marks those it recuses (same employer as the candidate). */
  experts: Array<{ userId: string; recusedBecause?: string }>;
  actor: Actor;
}

export interface ConflictDeclarationV1 {
  reason: string;
  actor: Actor;
}

export interface ScoreSubmissionV1 {
  /** 0-100 for each condition claimed. */
  scores: Record<string, number>;
  actor: Actor;
}

/** Withdrawal (by the candidate's nominating side) or disqualification (by the programme office). */
export interface ClosingRequestV1 {
  reason: string;
  actor: Actor;
}

export interface PanelSeatState {
  userId: string;
  status: 'assigned' | 'recused' | 'conflict' | 'scored';
  reason?: string;
  scores?: Record<string, number>;
  averageCenti?: number;
  at: string;
}

export interface StageAlert {
  stage: Stage;
  kind: 'reminder' | 'escalation';
  dueAt: string;
  at: string;
}

/**
 * The panel's score: each expert's mean over the conditions claimed, then — with at least five —
 * the highest and the lowest dropped, and the mean of the rest. In hundredths of a point.
 */
export function panelScoreCenti(expertAveragesCenti: number[]): { scoreCenti: number; counted: number; dropped: number } {
  const sorted = [...expertAveragesCenti].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const sum = kept.reduce((s, v) => s + v, 0);
  return { scoreCenti: kept.length ? Math.round(sum / kept.length) : 0, counted: kept.length, dropped: sorted.length - kept.length };
}

/** One expert's mean over the conditions, in hundredths. */
export function averageCenti(scores: Record<string, number>): number {
  const values = Object.values(scores);
  return values.length ? Math.round((values.reduce((s, v) => s + v, 0) * 100) / values.length) : 0;
}
