import type { Actor, PaymentKind } from '../libs/contract';

export interface PaymentTaskRequest {
  candidateId: string;
  kind: PaymentKind;
  instalment: number;
  amountFen: number;
  dueOn: string; // YYYY-MM-DD, Asia/Shanghai
}

/** A departure's effect on the master's subsidy instructions. */
export interface DepartureEffectsRequest {
  candidateId: string;
  /**
   * The date the master left (YYYY-MM-DD, Asia/Shanghai). Instalments falling due on or after it are
   * not owed: the schedule's own rule (a month is paid only if the master still works in the district
   * on its due date).
   */
  leftOn: string;
  reason: string;
  actor: Actor;
}

/** A departure corrected: its effects undone for instalments falling due before `leftOn` (null: the departure was a mistake, undo all). */
export interface DepartureUndoRequest {
  candidateId: string;
  leftOn: string | null;
  reason: string;
  actor: Actor;
}

/** An instruction a departure step touched, as the workflow may record it. */
export interface InstructionSummary {
  taskId: string;
  kind: PaymentKind;
  instalment: number;
  attempt: number;
  amountFen: number;
  dueOn: string;
  status: string;
}

/** What the activities need from storage; the worker supplies the TypeORM-backed store. */
export interface PaymentTaskStore {
  /** Inserts attempt 1 unless one exists for (candidate, kind, instalment); returns that attempt's id either way. */
  createOnce(req: PaymentTaskRequest): Promise<{ taskId: string; created: boolean }>;
  /** Cancels the subsidy instructions not yet paid that fall due on or after `leftOn`; answers with every one standing cancelled there. */
  cancelUnpaidFrom(req: DepartureEffectsRequest): Promise<InstructionSummary[]>;
  /** Flags for recovery (追回) the subsidy instructions paid that fell due on or after `leftOn`; answers with every one standing flagged there. */
  flagPaidFrom(req: DepartureEffectsRequest): Promise<InstructionSummary[]>;
  /** Brings cancelled instructions falling due before `leftOn` back and clears their recovery flags; answers with those standing restored. */
  undoDepartureBefore(req: DepartureUndoRequest): Promise<{ restored: InstructionSummary[]; cleared: InstructionSummary[] }>;
}

/**
 * Every activity here is idempotent: a retried or replayed call finds what the first did and answers
 * the same, so finance never receives the same instalment twice nor loses a cancellation.
 */
export function createPaymentActivities(store: PaymentTaskStore) {
  return {
    async createPaymentTask(req: PaymentTaskRequest): Promise<{ taskId: string }> {
      const { taskId } = await store.createOnce(req);
      return { taskId };
    },

    /** Call before `flagPaymentsForRecovery`: an instruction a clerk pays in between is then caught by the flag. */
    async cancelUnpaidPayments(req: DepartureEffectsRequest): Promise<{ cancelled: InstructionSummary[] }> {
      return { cancelled: await store.cancelUnpaidFrom(req) };
    },

    async flagPaymentsForRecovery(req: DepartureEffectsRequest): Promise<{ flagged: InstructionSummary[] }> {
      return { flagged: await store.flagPaidFrom(req) };
    },

    /** A corrected departure: undo before the new date, then cancel and flag from it. */
    async undoDepartureEffects(req: DepartureUndoRequest): Promise<{ restored: InstructionSummary[]; cleared: InstructionSummary[] }> {
      return store.undoDepartureBefore(req);
    },
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
