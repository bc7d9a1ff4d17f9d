import type { StudioStateV1 } from '../libs/contract';
import type { PaymentTaskStore } from './payment.activities';

/** A studio's state as its workflow reports it, in order: a report older than the row's is dropped. */
export interface StudioReport {
  studioId: string;
  seq: number;
  state: StudioStateV1;
}

/** The grant of a named studio: paid to the studio, recorded against the master it is named after. */
export interface StudioGrantRequest {
  studioId: string;
  masterId: string;
  amountFen: number;
  dueOn: string; // YYYY-MM-DD, Asia/Shanghai
}

export interface StudioStore {
  /** Writes the studio's status and state unless the row already holds a later report. */
  syncStudio(report: StudioReport): Promise<void>;
}

/** The grant is one instalment (0) of kind `studio_grant`, like the bonus: one instruction per studio. */
export const STUDIO_GRANT_INSTALMENT = 0;

/**
 * The studio workflow's activities. The grant goes through the same exactly-once path as the bonus
 * (`PaymentTaskStore.createOnce`, guarded by the unique constraint on payee, kind, instalment and
 * attempt): a retried or replayed call finds the instruction the first one created.
 */
export function createStudioActivities(store: StudioStore, payments: PaymentTaskStore) {
  return {
    syncStudio: (report: StudioReport): Promise<void> => store.syncStudio(report),
    async createStudioGrant(req: StudioGrantRequest): Promise<{ taskId: string }> {
      const { taskId } = await payments.createOnce({
        candidateId: req.masterId,
        studioId: req.studioId,
        kind: 'studio_grant',
        instalment: STUDIO_GRANT_INSTALMENT,
        amountFen: req.amountFen,
        dueOn: req.dueOn,
      });
      return { taskId };
    },
  };
}

export type StudioActivities = ReturnType<typeof createStudioActivities>;
