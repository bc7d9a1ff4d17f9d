import type { RetentionBatchV1 } from '../libs/contract';

/** What the retention sweep needs from storage; the worker supplies the PostgreSQL-backed store. */
export interface RetentionStore {
  /** Erases one batch of files past retention; returns their ids. */
  eraseExpired(retentionMs: number, batchSize: number): Promise<string[]>;
}

export interface RetentionSettings {
  /** PII_RETENTION: how long after a not-named file's round closes its sensitive data is kept. */
  retentionMs: number;
  batchSize: number;
}

export function createRetentionActivities(store: RetentionStore, settings: RetentionSettings) {
  return {
    /** One batch of the daily sweep; the period comes from the worker's configuration, read at each call. */
    async eraseExpiredPersonalData(): Promise<RetentionBatchV1> {
      const erased = await store.eraseExpired(settings.retentionMs, settings.batchSize);
      // AUDIT (issue 8 §4): once the audit trail exists, append one `personal_data_erased` row per erased
      // file here (actor: system/retention, the file's id, the period applied), in the same transaction.
      return { erased, more: erased.length === settings.batchSize };
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
