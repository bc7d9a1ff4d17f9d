import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PaymentTaskRequest, PaymentTaskStore } from '../../activities/payment.activities';
import { PaymentTaskEntity } from './entities/payment-task.entity';

export class ConfirmError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

/** Payment tasks in PostgreSQL; the unique constraint is what makes creation exactly-once. */
export class PaymentTaskRepository implements PaymentTaskStore {
  constructor(private readonly ds: DataSource) {}

  async createOnce(req: PaymentTaskRequest): Promise<{ taskId: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT payment_tasks_once DO NOTHING
       RETURNING id`,
      [randomUUID(), req.candidateId, req.kind, req.instalment, req.amountFen, req.dueOn],
    );
    if (inserted.length) return { taskId: inserted[0].id, created: true };
    const existing = await this.ds.getRepository(PaymentTaskEntity).findOneByOrFail({
      candidateId: req.candidateId,
      kind: req.kind,
      instalment: req.instalment,
    });
    return { taskId: existing.id, created: false };
  }

  list(filter: { status?: 'open' | 'paid'; candidateId?: string }): Promise<PaymentTaskEntity[]> {
    return this.ds.getRepository(PaymentTaskEntity).find({
      where: { ...(filter.status && { status: filter.status }), ...(filter.candidateId && { candidateId: filter.candidateId }) },
      order: { dueOn: 'ASC', candidateId: 'ASC', instalment: 'ASC' },
    });
  }

  /**
   * Marks a task paid. Confirming again with the same reference returns the task unchanged (a
   * retried request); a different reference on a paid task is refused — it would be a second payment.
   */
  async confirm(id: string, reference: string, paidBy: string): Promise<PaymentTaskEntity> {
    const repo = this.ds.getRepository(PaymentTaskEntity);
    await this.ds.query(
      `UPDATE payment_tasks SET status = 'paid', reference = $2, paid_at = now(), paid_by = $3
       WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, reference, paidBy],
    );
    const task = await repo.findOneBy({ id });
    if (!task) throw new ConfirmError('not_found', `payment task ${id} does not exist`);
    if (task.reference !== reference) {
      throw new ConfirmError('conflict', `payment task ${id} was already paid with reference '${task.reference}'`);
    }
    return task;
  }
}
