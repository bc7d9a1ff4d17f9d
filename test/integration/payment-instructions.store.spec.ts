import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { InstructionRecorder } from '../../activities';
import type { Actor } from '../../libs/contract';
import { AuditLog, poolOf } from '../../libs/audit';
import { InstructionError, PaymentInbox, PaymentTaskRepository } from '../../libs/db';
import { Initial1764000000000 } from '../../libs/db/migrations/1764000000000-initial';
import { PaymentInstructions1764320000000 } from '../../libs/db/migrations/1764320000000-payment-instructions';
import { PiiCipher } from '../../libs/security/pii';
import { freeMonth, insertMaster, instruct } from '../support/finance-fixture';
import { openDb } from '../support/review-helpers';

jest.setTimeout(60_000);

const pii = new PiiCipher({ keys: new Map([['k', randomBytes(32)]]), activeKeyId: 'k', indexKey: randomBytes(32) });
const office: Actor = { userId: 'office-departure', role: 'union_office' };

/**
 * The payment instructions in PostgreSQL: what the payment schedule's activities will call on a
 * departure (cancel, flag for recovery, undo), the rules the database itself holds (one paid attempt
 * per instalment, four eyes), and the migration of tasks made before instructions existed.
 */
describe('payment instructions in PostgreSQL', () => {
  let db: DataSource;
  let store: PaymentTaskRepository;
  let inbox: PaymentInbox;

  beforeAll(async () => {
    db = await openDb();
    store = new PaymentTaskRepository(db);
    inbox = new PaymentInbox(db);
  });
  afterAll(() => db?.destroy());

  const row = async (id: string) => (await inbox.find(id))!;
  const steps = async (id: string) => (await inbox.history(id)).map((e) => e.step);

  it('creates attempt 1 of an instalment once, however often the schedule asks', async () => {
    const master = await insertMaster(db, pii);
    const req = { candidateId: master.id, kind: 'bonus' as const, instalment: 0, amountFen: 2_000_000, dueOn: '2031-04-28' };
    const first = await store.createOnce(req);
    const again = await Promise.all([store.createOnce(req), store.createOnce(req)]);
    expect(first.created).toBe(true);
    expect(again).toEqual([
      { taskId: first.taskId, created: false },
      { taskId: first.taskId, created: false },
    ]);
    expect(await row(first.taskId)).toMatchObject({ status: 'due', attempt: 1, amountFen: 2_000_000, dueOn: '2031-04-28', recovery: false });
    expect(await steps(first.taskId)).toEqual(['created']);
  });

  it('records an instruction in the audit log inside its own insert: once however often it is asked, not at all if the insert rolls back', async () => {
    const audit = new AuditLog(poolOf(db));
    const master = await insertMaster(db, pii);
    const req = { candidateId: master.id, kind: 'subsidy' as const, instalment: 3, amountFen: 80_000, dueOn: '2031-07-10' };
    const record =
      (fail = false): InstructionRecorder =>
      async (task, query) => {
        await audit.appendWithin(query, {
          actor: { issuer: 'system', userId: 'payment-schedule', role: 'system' },
          action: 'payment.instruction_created',
          objectType: 'payment',
          objectId: task.taskId,
          candidateId: task.candidateId,
          roundId: task.roundId,
          detail: { kind: task.kind, instalment: task.instalment, amountFen: task.amountFen },
        });
        if (fail) throw new Error('the connection was cut before the commit');
      };
    const count = async (sql: string) => ((await db.query(sql, [master.id])) as Array<{ n: number }>)[0].n;
    const instructions = () => count(`SELECT count(*)::int AS n FROM payment_tasks WHERE candidate_id = $1`);
    const audited = () => count(`SELECT count(*)::int AS n FROM audit_log WHERE candidate_id = $1`);

    // The attempt fails after its record was appended: neither the instruction nor its record stays.
    await expect(store.createOnce(req, record(true))).rejects.toThrow('cut before the commit');
    expect([await instructions(), await audited()]).toEqual([0, 0]);

    // Retried, three times at once: one inserts and records, the others find it and record nothing.
    const results = await Promise.all([store.createOnce(req, record()), store.createOnce(req, record()), store.createOnce(req, record())]);
    const [made] = results.filter((r) => r.created);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.taskId))).toEqual(new Set([made.taskId]));
    expect(await store.createOnce(req, record())).toEqual({ taskId: made.taskId, created: false });
    expect(await audit.find({ candidateId: master.id })).toEqual([
      expect.objectContaining({
        action: 'payment.instruction_created',
        objectType: 'payment',
        objectId: made.taskId,
        roundId: null,
        detail: { kind: 'subsidy', instalment: 3, amountFen: 80_000 },
      }),
    ]);
    expect(await steps(made.taskId)).toEqual(['created']);
  });

  it('keeps one paid attempt per instalment: the reissue path works and the database refuses a second payment', async () => {
    const master = await insertMaster(db, pii);
    const first = await instruct(db, master.id, 'subsidy', 1, 80_000, '2031-05-10');
    await inbox.approve([first], 'clerk-a');
    await inbox.fail(first, '账户已销户', 'clerk-b');
    const second = await inbox.reissue(first, '已核实新账户', 'clerk-b');
    expect(second).toMatchObject({ attempt: 2, status: 'due', amountFen: 80_000, dueOn: '2031-05-10' });
    expect(await inbox.reissue(first, '已核实新账户', 'clerk-b')).toMatchObject({ id: second.id }); // the same step again
    await expect(inbox.reissue(first, '另一个理由', 'clerk-b')).rejects.toMatchObject({ code: 'conflict' });
    // The schedule asking again still finds attempt 1, not a new row.
    expect(await store.createOnce({ candidateId: master.id, kind: 'subsidy', instalment: 1, amountFen: 80_000, dueOn: '2031-05-10' })).toEqual({
      taskId: first,
      created: false,
    });
    await inbox.approve([second.id], 'clerk-a');
    await inbox.confirm(second.id, { reference: 'BANK-2', paidOn: '2031-05-12' }, 'clerk-b');

    // Even a hand-written UPDATE cannot make the superseded attempt paid as well.
    await expect(
      db.query(`UPDATE payment_tasks SET status = 'paid', reference = 'BANK-1', paid_on = '2031-05-11', paid_by = 'clerk-c' WHERE id = $1`, [first]),
    ).rejects.toThrow(/payment_tasks_one_(paid|live)/);
    // Nor a third attempt beside the paid one.
    await expect(
      db.query(
        `INSERT INTO payment_tasks (id, candidate_id, kind, instalment, attempt, amount_fen, due_on, status, reference, paid_on, paid_by)
         VALUES (gen_random_uuid(), $1, 'subsidy', 1, 3, 80000, '2031-05-10', 'paid', 'BANK-3', '2031-05-13', 'clerk-c')`,
        [master.id],
      ),
    ).rejects.toThrow(/payment_tasks_one_(paid|live)/);
    expect(await steps(first)).toEqual(['created', 'approved', 'failed', 'reissued']);
    expect(await steps(second.id)).toEqual(['created', 'approved', 'paid']);
  });

  it('holds four eyes and a real reference in the database too', async () => {
    const master = await insertMaster(db, pii);
    const id = await instruct(db, master.id, 'bonus', 0, 2_000_000, '2031-04-28');
    await inbox.approve([id], 'clerk-a');
    await expect(inbox.confirm(id, { reference: 'R', paidOn: '2031-04-29' }, 'clerk-a')).rejects.toMatchObject({ code: 'four_eyes' });
    await expect(db.query(`UPDATE payment_tasks SET status = 'paid', reference = 'R', paid_on = '2031-04-29', paid_by = 'clerk-a' WHERE id = $1`, [id])).rejects.toThrow(
      /payment_tasks_four_eyes/,
    );
    await expect(
      db.query(`UPDATE payment_tasks SET status = 'paid', reference = '   ', paid_on = '2031-04-29', paid_by = 'clerk-b' WHERE id = $1`, [id]),
    ).rejects.toThrow(/payment_tasks_paid_has_reference/);
  });

  it('lets two clerks confirming at once pay the instruction once: one wins, the other is refused', async () => {
    const master = await insertMaster(db, pii);
    const id = await instruct(db, master.id, 'bonus', 0, 2_000_000, '2031-04-28');
    await inbox.approve([id], 'clerk-a');
    const results = await Promise.allSettled([
      inbox.confirm(id, { reference: 'BANK-B', paidOn: '2031-04-29' }, 'clerk-b'),
      inbox.confirm(id, { reference: 'BANK-C', paidOn: '2031-04-29' }, 'clerk-c'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(InstructionError);
    expect(lost[0].reason).toMatchObject({ code: 'conflict' });
    expect((await row(id)).reference).toBe((won[0] as PromiseFulfilledResult<{ reference: string }>).value.reference);
    expect((await steps(id)).filter((s) => s === 'paid')).toHaveLength(1);
  });

  it('carries out a departure and its correction: cancels what is unpaid, flags what was paid, undoes both, each step idempotent', async () => {
    const master = await insertMaster(db, pii);
    const month = freeMonth();
    const year = Number(month.slice(0, 4));
    const due = (n: number) => `${year + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-10`;
    const bonus = await instruct(db, master.id, 'bonus', 0, 2_000_000, due(0));
    const s = [0, 1, 2, 3, 4, 5].map(() => '');
    for (let n = 1; n <= 5; n++) s[n] = await instruct(db, master.id, 'subsidy', n, 80_000, due(n));
    // 1 and 2 paid, 3 approved, 4 failed at the bank, 5 due; the bonus due too.
    await inbox.approve([s[1], s[2], s[3], s[4]], 'clerk-a');
    for (const n of [1, 2]) await inbox.confirm(s[n], { reference: `BANK-${n}`, paidOn: due(n) }, 'clerk-b');
    await inbox.fail(s[4], '账户冻结', 'clerk-b');

    // Recorded late: the master left on the 5th of month 2, so instalments 2 to 5 were not owed.
    const departure = { candidateId: master.id, leftOn: due(2).replace(/10$/, '05'), reason: '调往宁波工作', actor: office };
    const cancelled = await store.cancelUnpaidFrom(departure);
    expect(cancelled.map((c) => [c.instalment, c.status])).toEqual([
      [3, 'cancelled'],
      [4, 'cancelled'],
      [5, 'cancelled'],
    ]);
    expect(await store.cancelUnpaidFrom(departure)).toEqual(cancelled); // a retried activity gets the same answer
    const flagged = await store.flagPaidFrom(departure);
    expect(flagged.map((f) => f.instalment)).toEqual([2]);
    expect(await store.flagPaidFrom(departure)).toEqual(flagged);
    expect(await row(s[2])).toMatchObject({ status: 'paid', recovery: true, recoveryReason: '调往宁波工作', recoveryBy: office.userId });
    expect(await row(s[3])).toMatchObject({ status: 'cancelled', cancelledFrom: 'approved', cancellationReason: '调往宁波工作', cancelledBy: office.userId });
    expect(await row(bonus)).toMatchObject({ status: 'due' }); // the bonus is not a monthly subsidy: it stands
    expect(await row(s[1])).toMatchObject({ status: 'paid', recovery: false });
    // Nobody pays or approves a cancelled instruction.
    await expect(inbox.approve([s[5]], 'clerk-a')).rejects.toMatchObject({ code: 'conflict' });
    await expect(inbox.reissue(s[4], 'again', 'clerk-a')).rejects.toMatchObject({ code: 'conflict' });

    // Corrected: the master in fact left on the 5th of month 4. Undo before it, then cancel and flag from it.
    const corrected = { candidateId: master.id, leftOn: due(4).replace(/10$/, '05'), reason: '离开日期更正', actor: office };
    const undone = await store.undoDepartureBefore(corrected);
    expect(undone.restored.map((r) => [r.instalment, r.status])).toEqual([[3, 'due']]); // an approval before the departure is checked again
    expect(undone.cleared.map((r) => r.instalment)).toEqual([2]);
    expect(await store.undoDepartureBefore(corrected)).toEqual(undone);
    expect((await store.cancelUnpaidFrom(corrected)).map((c) => c.instalment)).toEqual([4, 5]);
    expect(await store.flagPaidFrom(corrected)).toEqual([]);
    expect(await row(s[3])).toMatchObject({ status: 'due', approvedBy: null, cancelledFrom: null, cancellationReason: null });
    expect(await row(s[2])).toMatchObject({ status: 'paid', recovery: false, recoveryReason: null });

    // Recorded by mistake: everything comes back where it stood; the failed one failed, still to reissue.
    const mistake = { candidateId: master.id, leftOn: null, reason: '误登记离开', actor: office };
    const all = await store.undoDepartureBefore(mistake);
    expect(all.restored.map((r) => [r.instalment, r.status])).toEqual([
      [3, 'due'],
      [4, 'failed'],
      [5, 'due'],
    ]);
    expect(await store.undoDepartureBefore(mistake)).toEqual(all);
    expect(await steps(s[3])).toEqual(['created', 'approved', 'cancelled', 'restored']);
    expect(await steps(s[4])).toEqual(['created', 'approved', 'failed', 'cancelled', 'restored']);
    expect(await steps(s[2])).toEqual(['created', 'approved', 'paid', 'recovery_flagged', 'recovery_cleared']);
    const events = await inbox.history(s[3]);
    expect(events.at(-1)).toMatchObject({ step: 'restored', actor: office.userId, reason: '离开日期更正' });
  });

  it('migrates the tasks made before instructions existed: open ones become due, paid ones stay paid with their date', async () => {
    const q = db.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      // A schema of its own, inside a transaction that is rolled back: the shared tables are untouched.
      await q.query(`CREATE SCHEMA it_migration`);
      await q.query(`SET LOCAL search_path TO it_migration`);
      await new Initial1764000000000().up(q);
      await q.query(`INSERT INTO candidates (id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry, trade,
                       years_of_work, skill_level, submitted_by, submitted_role, workflow_id)
                     VALUES ('00000000-0000-4000-8000-000000000001', 'self', '王建国', 'x', 'x', 'x', 'e', 'eyewear', 't', 10, 'technician', 'n', 'nominator', 'w')`);
      await q.query(`INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on, status, reference, paid_at, paid_by) VALUES
        ('00000000-0000-4000-8000-0000000000b0', '00000000-0000-4000-8000-000000000001', 'bonus', 0, 2000000, '2017-04-28', 'paid', 'BANK-2017-1', '2017-04-30T17:00:00Z', 'clerk-1'),
        ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'subsidy', 1, 80000, '2017-05-01', 'open', NULL, NULL, NULL)`);
      await new PaymentInstructions1764320000000().up(q);
      const rows = await q.query(`SELECT kind, status, attempt, reference, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, recovery FROM payment_tasks ORDER BY instalment`);
      expect(rows).toEqual([
        // Recorded at 01:00 on 1 May in Shanghai: that is its date.
        { kind: 'bonus', status: 'paid', attempt: 1, reference: 'BANK-2017-1', paid_on: '2017-05-01', recovery: false },
        { kind: 'subsidy', status: 'due', attempt: 1, reference: null, paid_on: null, recovery: false },
      ]);
      // Still exactly once for the schedule, on the constraint the store names.
      const again = await q.query(
        `INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on) VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'subsidy', 1, 80000, '2017-05-01')
         ON CONFLICT ON CONSTRAINT payment_tasks_once DO NOTHING RETURNING id`,
      );
      expect(again).toEqual([]);
      await new PaymentInstructions1764320000000().down(q);
      expect(await q.query(`SELECT status FROM payment_tasks ORDER BY instalment`)).toEqual([{ status: 'paid' }, { status: 'open' }]);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  });
});
