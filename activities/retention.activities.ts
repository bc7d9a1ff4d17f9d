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

/** Where the sweep records each erasure (the audit trail's append). */
export type ErasureRecorder = (candidateId: string, retentionMs: number) => Promise<unknown>;

export function createRetentionActivities(store: RetentionStore, settings: RetentionSettings, record: ErasureRecorder = async () => undefined) {
  return {
    /** One batch of the daily sweep; the period comes from the worker's configuration, read at each call. */
    async eraseExpiredPersonalData(): Promise<RetentionBatchV1> {
      const erased = await store.eraseExpired(settings.retentionMs, settings.batchSize);
      // One audit row per erased file. Should an append fail after the erasure, the file's erased_at
      // still records it (README "Retention"); the batch's retry erases nothing twice.
      for (const candidateId of erased) await record(candidateId, settings.retentionMs);
      return { erased, more: erased.length === settings.batchSize };
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
