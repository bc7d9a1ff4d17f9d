import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  DepartureEffectsRequest,
  DepartureUndoRequest,
  InstructionRecorder,
  InstructionSummary,
  PaymentTaskRequest,
  PaymentTaskStore,
} from '../../activities/payment.activities';

/** Who creates instructions: the payment schedule, on the programme's behalf. */
export const SCHEDULE_ACTOR = 'payment-schedule';
/** Who creates a studio's grant: the studio's workflow, once the leadership group has approved it. */
export const STUDIO_ACTOR = 'studio-workflow';

const SUMMARY = `id AS "taskId", kind, instalment, attempt, amount_fen::int AS "amountFen", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status`;
/** The notice stops only the living subsidy on departure (离开瓯海工作不享受); the bonus and a studio's grant stand. */
const SUBSIDY_OF = `candidate_id = $1 AND kind = 'subsidy'`;

/**
 * Payment instructions as the payment schedule's activities write them. Creation is exactly-once by
 * the unique constraint; a departure's effects are single statements that skip what is already done,
 * and answer with where things stand, so a retried activity gets the same answer as the first.
 */
export class PaymentTaskRepository implements PaymentTaskStore {
  // The departure steps below are the schedule's, through PaymentEffectsRepository (payment-effects.store.ts).
  constructor(private readonly ds: DataSource) {}

  async createOnce(req: PaymentTaskRequest, onCreated?: InstructionRecorder): Promise<{ taskId: string; created: boolean }> {
    const created = onCreated
      ? await this.ds.transaction(async (tx) => {
          const inserted = await insertOnce(tx, req);
          if (inserted) await onCreated({ ...req, ...inserted }, (sql, params) => tx.query(sql, params));
          return inserted;
        })
      : await insertOnce(this.ds.manager, req);
    if (created) return { taskId: created.taskId, created: true };
    const [existing]: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM payment_tasks WHERE candidate_id = $1 AND studio_id IS NOT DISTINCT FROM $2::uuid AND kind = $3 AND instalment = $4 AND attempt = 1`,
      [req.candidateId, req.studioId ?? null, req.kind, req.instalment],
    );
    return { taskId: existing.id, created: false };
  }

  cancelUnpaidFrom(req: DepartureEffectsRequest): Promise<InstructionSummary[]> {
    return this.ds.transaction(async (tx) => {
      await logged(
        tx,
        'cancelled',
        `UPDATE payment_tasks SET status = 'cancelled', cancelled_from = status, cancelled_by = $4, cancelled_at = now(), cancellation_reason = $3
         WHERE ${SUBSIDY_OF} AND due_on >= $2 AND status IN ('due', 'approved', 'failed') RETURNING id`,
        [req.candidateId, req.leftOn, req.reason, req.actor.userId],
      );
      return tx.query(`SELECT ${SUMMARY} FROM payment_tasks WHERE ${SUBSIDY_OF} AND due_on >= $2 AND status = 'cancelled' ORDER BY due_on, attempt`, [
        req.candidateId,
        req.leftOn,
      ]);
    });
  }

  flagPaidFrom(req: DepartureEffectsRequest): Promise<InstructionSummary[]> {
    return this.ds.transaction(async (tx) => {
      await logged(
        tx,
        'recovery_flagged',
        `UPDATE payment_tasks SET recovery = true, recovery_by = $4, recovery_at = now(), recovery_reason = $3
         WHERE ${SUBSIDY_OF} AND due_on >= $2 AND status = 'paid' AND NOT recovery RETURNING id`,
        [req.candidateId, req.leftOn, req.reason, req.actor.userId],
      );
      return tx.query(`SELECT ${SUMMARY} FROM payment_tasks WHERE ${SUBSIDY_OF} AND due_on >= $2 AND status = 'paid' AND recovery ORDER BY due_on`, [
        req.candidateId,
        req.leftOn,
      ]);
    });
  }

  /**
   * A cancelled instruction comes back where it stood — due (an approval given before the departure
   * is checked again), or failed, still to be reissued — and a recovery flag is cleared.
   */
  undoDepartureBefore(req: DepartureUndoRequest): Promise<{ restored: InstructionSummary[]; cleared: InstructionSummary[] }> {
    const before = `($2::date IS NULL OR due_on < $2::date)`;
    const args = [req.candidateId, req.leftOn, req.reason, req.actor.userId];
    return this.ds.transaction(async (tx) => {
      await logged(
        tx,
        'restored',
        `UPDATE payment_tasks SET status = CASE cancelled_from WHEN 'failed' THEN 'failed' ELSE 'due' END,
           approved_by = NULL, approved_at = NULL,
           cancelled_by = NULL, cancelled_at = NULL, cancellation_reason = NULL, cancelled_from = NULL
         WHERE ${SUBSIDY_OF} AND ${before} AND status = 'cancelled' RETURNING id`,
        args,
      );
      await logged(
        tx,
        'recovery_cleared',
        `UPDATE payment_tasks SET recovery = false, recovery_by = NULL, recovery_at = NULL, recovery_reason = NULL
         WHERE ${SUBSIDY_OF} AND ${before} AND recovery RETURNING id`,
        args,
      );
      // Standing undone: the last of the instruction's cancel/restore (or flag/clear) steps is the undo.
      const undone = (steps: [string, string]) =>
        tx.query(
          `SELECT ${SUMMARY} FROM payment_tasks t
           WHERE ${SUBSIDY_OF} AND ${before} AND (
             SELECT e.step FROM payment_task_events e WHERE e.task_id = t.id AND e.step IN ($3, $4) ORDER BY e.id DESC LIMIT 1) = $4
           ORDER BY due_on, attempt`,
          [req.candidateId, req.leftOn, ...steps],
        );
      return { restored: await undone(['cancelled', 'restored']), cleared: await undone(['recovery_flagged', 'recovery_cleared']) };
    });
  }
}

/** Inserts attempt 1 and its `created` step unless the instalment has one: the new id and the candidate's round, or null when it existed. */
async function insertOnce(db: EntityManager, req: PaymentTaskRequest): Promise<{ taskId: string; roundId: string | null } | null> {
  const studioId = req.studioId ?? null;
  const inserted: Array<{ taskId: string; roundId: string | null }> = await db.query(
    `WITH created AS (
       INSERT INTO payment_tasks (id, candidate_id, studio_id, kind, instalment, amount_fen, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT payment_tasks_once DO NOTHING
       RETURNING id)
     INSERT INTO payment_task_events (task_id, step, actor) SELECT id, 'created', $8 FROM created
     RETURNING task_id AS "taskId", (SELECT round_id::text FROM candidates WHERE id = $2) AS "roundId"`,
    [randomUUID(), req.candidateId, studioId, req.kind, req.instalment, req.amountFen, req.dueOn, studioId ? STUDIO_ACTOR : SCHEDULE_ACTOR],
  );
  return inserted[0] ?? null;
}

/** Runs an UPDATE … RETURNING id and records the step, with its reason and actor ($3, $4), for every row it changed. */
async function logged(tx: EntityManager, step: string, update: string, args: unknown[]): Promise<void> {
  await tx.query(`WITH changed AS (${update}) INSERT INTO payment_task_events (task_id, step, actor, reason) SELECT id, '${step}', $4, $3 FROM changed`, args);
}
