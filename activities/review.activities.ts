import type { StageAlert } from '../libs/contract';

export interface StatusReport {
  candidateId: string;
  seq: number;
  stage: string;
  status: string;
  dueAt: string | null;
  scoreCenti: number | null;
  panel: Array<{ userId: string; status: string }>;
}

export interface AlertReport {
  candidateId: string;
  stage: string;
  kind: StageAlert['kind'];
  dueAt: string;
}

/** What the review activities need from storage; the worker supplies the PostgreSQL-backed store. */
export interface ReviewStore {
  /** Keeps the report with the highest `seq`: a retried older write never overwrites a newer one. */
  saveStatus(report: StatusReport): Promise<void>;
  /** At most one alert per (candidate, stage, kind). */
  saveAlert(alert: AlertReport): Promise<void>;
}

export function createReviewActivities(store: ReviewStore) {
  return {
    async syncStatus(report: StatusReport): Promise<void> {
      await store.saveStatus(report);
    },
    async raiseAlert(alert: AlertReport): Promise<void> {
      await store.saveAlert(alert);
    },
  };
}

export type ReviewActivities = ReturnType<typeof createReviewActivities>;
