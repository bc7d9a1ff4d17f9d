import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { approveVerdict, confirmVerdict, failureVerdict, reissueVerdict, type Verdict } from '../domain/payment-instruction';
import { CandidateEntity } from './entities/candidate.entity';
import { PaymentTaskEventEntity, type InstructionStep } from './entities/payment-task-event.entity';
import { PaymentTaskEntity, type InstructionStatus } from './entities/payment-task.entity';
import { StudioEntity } from './entities/studio.entity';

export class InstructionError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'four_eyes',
    message: string,
  ) {
    super(message);
  }
}

export interface InstructionFilter {
  /** A status, or `open`: not paid yet and still to pay (due, approved or failed). */
  status?: InstructionStatus | 'open';
  kind?: PaymentTaskEntity['kind'];
  /** YYYY-MM: instructions falling due in that month. */
  dueMonth?: string;
  candidateId?: string;
  roundId?: string;
  studioId?: string;
}

/** An instruction with its payee's name, as finance's inbox lists it. */
export type ListedInstruction = PaymentTaskEntity & { payeeName: string };

export const OPEN_STATUSES: InstructionStatus[] = ['due', 'approved', 'failed'];

/** The first day of a YYYY-MM month and of the month after it. */
export function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/**
 * Finance's inbox: each step on an instruction is taken in one transaction under the row's lock, so
 * two clerks acting at once are served one after the other and the second sees what the first did.
 * The step's columns and an event row (who, when, why) are written together.
 */
export class PaymentInbox {
  constructor(private readonly ds: DataSource) {}

  async list(filter: InstructionFilter): Promise<ListedInstruction[]> {
    const q = this.query()
      .orderBy('t.due_on', 'ASC')
      .addOrderBy('t.candidate_id', 'ASC')
      .addOrderBy('t.kind', 'ASC')
      .addOrderBy('t.instalment', 'ASC')
      .addOrderBy('t.attempt', 'ASC');
    if (filter.status === 'open') q.andWhere('t.status IN (:...open)', { open: OPEN_STATUSES });
    else if (filter.status) q.andWhere('t.status = :status', { status: filter.status });
    if (filter.kind) q.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.candidateId) q.andWhere('t.candidate_id = :candidateId', { candidateId: filter.candidateId });
    if (filter.roundId) q.andWhere('c.round_id = :roundId', { roundId: filter.roundId });
    if (filter.studioId) q.andWhere('t.studio_id = :studioId', { studioId: filter.studioId });
    if (filter.dueMonth) {
      const [from, to] = monthBounds(filter.dueMonth);
      q.andWhere('t.due_on >= :from AND t.due_on < :to', { from, to });
    }
    return withNames(q);
  }

  async find(id: string): Promise<ListedInstruction | null> {
    const [found] = await this.listById([id]);
    return found ?? null;
  }

  history(id: string): Promise<PaymentTaskEventEntity[]> {
    return this.ds.getRepository(PaymentTaskEventEntity).find({ where: { taskId: id }, order: { id: 'ASC' } });
  }

  /** Approves every instruction named, or none: the first that cannot be approved is named in the refusal. */
  async approve(ids: string[], by: string): Promise<ListedInstruction[]> {
    await this.ds.transaction(async (tx) => {
      // Locked in a fixed order, so two batches sharing instructions cannot deadlock.
      const rows = await lock(tx, [...ids].sort());
      for (const id of ids) {
        const row = rows.get(id);
        if (!row) throw new InstructionError('not_found', `payment instruction ${id} does not exist`);
        if (settle(approveVerdict(row, by))) {
          await set(tx, id, { status: 'approved', approvedBy: by, approvedAt: new Date() }, 'approved', by);
        }
      }
    });
    return this.listById(ids);
  }

  async confirm(id: string, payment: { reference: string; paidOn: string }, by: string): Promise<ListedInstruction> {
    return this.step(id, (row) => confirmVerdict(row, payment, by), {
      changes: { status: 'paid', reference: payment.reference, paidOn: payment.paidOn, paidBy: by, paidAt: new Date() },
      event: ['paid', by, null, payment],
    });
  }

  async fail(id: string, reason: string, by: string): Promise<ListedInstruction> {
    return this.step(id, (row) => failureVerdict(row, reason), {
      changes: { status: 'failed', failureReason: reason, failedBy: by, failedAt: new Date() },
      event: ['failed', by, reason],
    });
  }

  /** Supersedes a failed attempt with the next one, due again and awaiting approval; answers with the new attempt. */
  async reissue(id: string, reason: string, by: string): Promise<ListedInstruction> {
    const nextId = await this.ds.transaction(async (tx) => {
      const row = (await lock(tx, [id])).get(id);
      if (!row) throw new InstructionError('not_found', `payment instruction ${id} does not exist`);
      if (settle(reissueVerdict(row, reason))) {
        await set(tx, id, { status: 'reissued', reissueReason: reason, reissuedBy: by, reissuedAt: new Date() }, 'reissued', by, reason);
        const next = nextAttemptOf(row);
        await tx.getRepository(PaymentTaskEntity).insert(next);
        await event(tx, next.id!, 'created', by, reason, { reissueOf: id });
        return next.id!;
      }
      const { candidateId, studioId, kind, instalment } = row;
      const next = await tx.getRepository(PaymentTaskEntity).findOneByOrFail({ candidateId, studioId: studioId ?? IsNull(), kind, instalment, attempt: row.attempt + 1 });
      return next.id;
    });
    return (await this.find(nextId))!;
  }

  private async step(
    id: string,
    verdict: (row: PaymentTaskEntity) => Verdict,
    apply: { changes: Partial<PaymentTaskEntity>; event: [InstructionStep, string, string | null, Record<string, unknown>?] },
  ): Promise<ListedInstruction> {
    await this.ds.transaction(async (tx) => {
      const row = (await lock(tx, [id])).get(id);
      if (!row) throw new InstructionError('not_found', `payment instruction ${id} does not exist`);
      if (settle(verdict(row))) await set(tx, id, apply.changes, ...apply.event);
    });
    return (await this.find(id))!;
  }

  private async listById(ids: string[]): Promise<ListedInstruction[]> {
    const byId = new Map((await withNames(this.query().where('t.id IN (:...ids)', { ids }))).map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id)).filter((e): e is ListedInstruction => !!e);
  }

  /** Instructions with their payee: the master, or for a studio's grant the studio (named after the master). */
  private query(): SelectQueryBuilder<PaymentTaskEntity> {
    return this.ds
      .getRepository(PaymentTaskEntity)
      .createQueryBuilder('t')
      .innerJoin(CandidateEntity, 'c', 'c.id = t.candidate_id')
      .leftJoin(StudioEntity, 's', 's.id = t.studio_id')
      .addSelect('coalesce(s.name, c.name)', 'payee_name');
  }
}

async function withNames(q: SelectQueryBuilder<PaymentTaskEntity>): Promise<ListedInstruction[]> {
  const { entities, raw } = await q.getRawAndEntities<{ payee_name: string }>();
  return entities.map((e, i) => Object.assign(e, { payeeName: raw[i].payee_name }));
}

/** True when the step must be written, false when it was already taken; throws when it is refused. */
function settle(verdict: Verdict): boolean {
  if (verdict.kind === 'refused') throw new InstructionError(verdict.code, verdict.message);
  return verdict.kind === 'apply';
}

async function lock(tx: EntityManager, ids: string[]): Promise<Map<string, PaymentTaskEntity>> {
  const rows = await tx
    .getRepository(PaymentTaskEntity)
    .createQueryBuilder('t')
    .where('t.id IN (:...ids)', { ids })
    .orderBy('t.id')
    .setLock('pessimistic_write')
    .getMany();
  return new Map(rows.map((r) => [r.id, r]));
}

async function set(
  tx: EntityManager,
  id: string,
  changes: Partial<PaymentTaskEntity>,
  step: InstructionStep,
  by: string,
  reason: string | null = null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await tx.getRepository(PaymentTaskEntity).update({ id }, changes);
  await event(tx, id, step, by, reason, detail);
}

export async function event(tx: EntityManager, taskId: string, step: InstructionStep, actor: string, reason: string | null, detail?: Record<string, unknown>) {
  await tx.query(`INSERT INTO payment_task_events (task_id, step, actor, reason, detail) VALUES ($1, $2, $3, $4, $5)`, [
    taskId,
    step,
    actor,
    reason,
    detail ? JSON.stringify(detail) : null,
  ]);
}

/** The next attempt of a failed instruction: the same payee, instalment, amount and due date, due again. */
function nextAttemptOf(row: PaymentTaskEntity): Partial<PaymentTaskEntity> {
  const { candidateId, studioId, kind, instalment, amountFen, dueOn } = row;
  return { id: randomUUID(), candidateId, studioId, kind, instalment, attempt: row.attempt + 1, amountFen, dueOn, status: 'due' };
}
