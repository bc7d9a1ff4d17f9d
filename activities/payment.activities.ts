import type { Actor, PaymentKind } from '../libs/contract';
import type { TxQuery } from './round.activities';

export interface PaymentTaskRequest {
  candidateId: string;
  /** Set for a studio's grant: the studio is the payee, `candidateId` the master it is named after. */
  studioId?: string;
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

/** An instruction just inserted: its id, and the round of its candidate (null for none). */
export interface CreatedInstruction extends PaymentTaskRequest {
  taskId: string;
  roundId: string | null;
}

/** Records an instruction the insert created, inside the insert's own transaction (its `query`): the audit trail. */
export type InstructionRecorder = (created: CreatedInstruction, query: TxQuery) => Promise<unknown>;

/** What the activities need from storage; the worker supplies the TypeORM-backed store. */
export interface PaymentTaskStore {
  /**
   * Inserts attempt 1 unless one exists for (candidate, kind, instalment); returns that attempt's id
   * either way. Only when this call inserted it, `onCreated` runs in the same transaction, so what it
   * writes commits with the instruction — once, whatever retries — or not at all.
   */
  createOnce(req: PaymentTaskRequest, onCreated?: InstructionRecorder): Promise<{ taskId: string; created: boolean }>;
}

/**
 * Idempotent: a retried or replayed call finds the instruction the first created, so finance never
 * receives the same instalment twice, and `record` (the audit trail) sees each instruction once.
 */
export function createPaymentActivities(store: PaymentTaskStore, record: InstructionRecorder | null = null) {
  return {
    async createPaymentTask(req: PaymentTaskRequest): Promise<{ taskId: string }> {
      const { taskId } = await store.createOnce(req, record ?? undefined);
      return { taskId };
    },
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;

/**
 * What a departure needs from the finance inbox. Only `subsidy` instructions are touched (the bonus
 * was earned at commendation); dates are YYYY-MM-DD, Asia/Shanghai, compared with each instruction's
 * due date. Every method is idempotent: a retried call changes nothing more and answers as the first.
 */
export interface SubsidyStopStore {
  /** Cancels, with the reason, the master's unpaid subsidy instructions due on or after `fromDate`; returns every instalment from that date that stands cancelled. */
  cancelFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]>;
  /** Flags for recovery (追回), with the reason, the master's paid subsidy instructions due on or after `fromDate`; returns every instalment from that date that stands flagged. */
  flagRecoveryFrom(candidateId: string, fromDate: string, reason: string): Promise<number[]>;
  /** Reopens cancelled instructions and clears recovery flags due before `beforeDate` (every one when null): a corrected departure; returns the instalments it changed. */
  restoreBefore(candidateId: string, beforeDate: string | null, reason: string): Promise<number[]>;
}

export interface SubsidyStopRequest {
  candidateId: string;
  fromDate: string;
  reason: string;
}

export interface SubsidyRestoreRequest {
  candidateId: string;
  beforeDate: string | null;
  reason: string;
}

export function createSubsidyStopActivities(store: SubsidyStopStore) {
  return {
    cancelSubsidiesFrom: (req: SubsidyStopRequest): Promise<number[]> => store.cancelFrom(req.candidateId, req.fromDate, req.reason),
    flagSubsidiesForRecovery: (req: SubsidyStopRequest): Promise<number[]> => store.flagRecoveryFrom(req.candidateId, req.fromDate, req.reason),
    restoreSubsidiesBefore: (req: SubsidyRestoreRequest): Promise<number[]> => store.restoreBefore(req.candidateId, req.beforeDate, req.reason),
  };
}

export type SubsidyStopActivities = ReturnType<typeof createSubsidyStopActivities>;

/** A running schedule's terms and where it stands, as finance's forecast reads them. */
export interface ScheduleRecord {
  candidateId: string;
  roundId: string | null;
  commendedOn: string; // YYYY-MM-DD, Asia/Shanghai
  bonusFen: number;
  subsidyMonthlyFen: number;
  subsidyMonths: number;
  subsidyDueDay: number;
  leftOn: string | null;
  status: string;
}

export interface ScheduleStore {
  /** Writes the schedule's row, replacing what it held: the same record twice changes nothing. */
  recordSchedule(record: ScheduleRecord): Promise<void>;
}

export function createScheduleActivities(store: ScheduleStore) {
  return {
    recordSchedule: (record: ScheduleRecord): Promise<void> => store.recordSchedule(record),
  };
}

export type ScheduleActivities = ReturnType<typeof createScheduleActivities>;
