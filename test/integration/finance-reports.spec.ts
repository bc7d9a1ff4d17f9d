import { Logger, type INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../libs/contract';
import { PaymentInbox, PaymentTaskRepository } from '../../libs/db';
import { maskIdNumber } from '../../libs/security/pii';
import { fetchFile, parseCsv, readXlsx } from '../support/exports';
import { financeStack, freeMonth, insertMaster, instruct, type Master } from '../support/finance-fixture';
import { closeRounds, createRound, idNumber } from '../support/review-helpers';
import { today } from '../support/round-driver';
import { nomination, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

const fieldsOf = (res: { body: any }) => (res.body.fields ?? []).map((f: { field: string }) => f.field);
const ACCOUNT = '6222021234567890123';
const MASKED = '***************0123';
const HEADER = ['序号', '收款人', '身份证号码', '开户银行', '银行账号', '户名', '金额（元）', '用途', '应付日期', '付款指令编号', '备注'];

/**
 * The payee's bank account on the master's file, the month's bank run (CSV and Excel, read back),
 * and the reconciliation with its cap check, over HTTP on real PostgreSQL.
 */
describe('finance reports: bank account, bank run and reconciliation (real PostgreSQL)', () => {
  const tag = randomUUID().slice(0, 6);
  const env = { TEMPORAL_TASK_QUEUE: `it-finance-reports-${tag}` };
  const finance = token('finance', `fin-exporter-${tag}`);
  const auditor = token('auditor', `auditor-${tag}`);
  const office = token('union_office', `office-${tag}`);
  const stack = financeStack(env);

  const put = (id: string, body: unknown, as = office) =>
    fetch(`${stack.api.url}/candidates/${id}/bank-account`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  describe('PUT /candidates/:id/bank-account', () => {
    let worker: INestApplicationContext;
    const rounds: string[] = [];
    beforeAll(async () => {
      worker = await startWorker(env);
    });
    afterAll(async () => {
      await closeRounds(stack.db, rounds);
      await worker?.close();
    });

    it('records the account for the office, sealed, and shows it masked in the file to everyone, the office included', async () => {
      const { roundId } = await createRound(stack.http);
      rounds.push(roundId);
      const filed = await stack.http.post('/nominations', nomination({ roundId, idNumber: idNumber() }), token('nominator'));
      expect(filed.status).toBe(201);
      const id = filed.body.candidateId;
      const res = await put(id, { bank: ' 中国工商银行温州瓯海支行 ', accountNumber: '6222 0212 3456 7890 123' });
      expect(res).toMatchObject({
        status: 200,
        body: { candidateId: id, bankAccount: { bank: '中国工商银行温州瓯海支行', accountNumber: MASKED, accountName: '王建国', recordedBy: `office-${tag}` } },
      });
      const [stored] = await stack.db.query('SELECT bank_account_cipher FROM candidates WHERE id = $1', [id]);
      expect(stored.bank_account_cipher).not.toContain(ACCOUNT);
      expect(stack.pii.decrypt(stored.bank_account_cipher)).toBe(ACCOUNT);
      // Finance works from its inbox, not the files (403); it sees the account in full only in the bank run.
      expect((await stack.http.get(`/candidates/${id}`, finance)).status).toBe(403);
      for (const as of [office, auditor]) {
        const file = await stack.http.get(`/candidates/${id}`, as);
        expect(file.status).toBe(200);
        expect(file.body.bankAccount).toMatchObject({ bank: '中国工商银行温州瓯海支行', accountNumber: MASKED });
        expect(JSON.stringify(file.body)).not.toContain(ACCOUNT);
      }
      // The same account again changes nothing, not even who recorded it when.
      expect(await put(id, { bank: '中国工商银行温州瓯海支行', accountNumber: ACCOUNT, accountName: '王建国' }, token('union_office', 'office-other'))).toEqual(res);
    });

    it('refuses a bad account with a 400 naming the field, a role other than the office (403), an unknown file (404)', async () => {
      const master = await insertMaster(stack.db, stack.pii);
      for (const [body, field] of [
        [{ bank: '   ', accountNumber: ACCOUNT }, 'bank'],
        [{ bank: '工行', accountNumber: '6222-0212' }, 'accountNumber'],
        [{ bank: '工行', accountNumber: '1234567' }, 'accountNumber'],
        [{ bank: '工行' }, 'accountNumber'],
        [{ bank: '工行', accountNumber: ACCOUNT, accountName: ' ' }, 'accountName'],
        [{ bank: '工行', accountNumber: ACCOUNT, swift: 'ICBKCNBJ' }, 'swift'],
      ] as const) {
        const res = await put(master.id, body);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual([field]);
      }
      for (const role of ['finance', 'auditor', 'admin', 'nominator'] as const)
        expect((await put(master.id, { bank: '工行', accountNumber: ACCOUNT }, token(role))).status).toBe(403);
      expect((await put(randomUUID(), { bank: '工行', accountNumber: ACCOUNT })).status).toBe(404);
      const [row] = await stack.db.query('SELECT bank_name, bank_account_cipher FROM candidates WHERE id = $1', [master.id]);
      expect(row).toEqual({ bank_name: null, bank_account_cipher: null });
    });
  });

  /**
   * One month of its own: A (account recorded) with an approved bonus and subsidy; B (no account)
   * with one approved and one due; C paid above the cap, then left, its unpaid months cancelled and
   * a paid one flagged for recovery; D failed at the bank.
   */
  describe('a month of instructions', () => {
    const month = freeMonth();
    const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
    const left: Actor = { userId: `office-${tag}`, role: 'union_office' };
    let a: Master, b: Master, c: Master, d: Master;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const inbox = new PaymentInbox(stack.db);
      const store = new PaymentTaskRepository(stack.db);
      [a, b, c, d] = [
        await insertMaster(stack.db, stack.pii, { name: `甲${tag}` }),
        await insertMaster(stack.db, stack.pii, { name: `乙${tag}` }),
        await insertMaster(stack.db, stack.pii),
        await insertMaster(stack.db, stack.pii),
      ];
      expect((await put(a.id, { bank: '中国农业银行瓯海支行', accountNumber: ACCOUNT })).status).toBe(200);
      ids.aBonus = await instruct(stack.db, a.id, 'bonus', 0, 2_000_000, day(5));
      ids.aSub = await instruct(stack.db, a.id, 'subsidy', 1, 80_000, day(10));
      ids.bSub1 = await instruct(stack.db, b.id, 'subsidy', 1, 80_000, day(11));
      ids.bSub2 = await instruct(stack.db, b.id, 'subsidy', 2, 80_000, day(20));
      ids.cBonus = await instruct(stack.db, c.id, 'bonus', 0, 3_000_000, day(1));
      ids.cSub1 = await instruct(stack.db, c.id, 'subsidy', 1, 1_000_000, day(10));
      ids.cSub2 = await instruct(stack.db, c.id, 'subsidy', 2, 80_000, day(15));
      ids.cSub3 = await instruct(stack.db, c.id, 'subsidy', 3, 80_000, day(25));
      ids.dSub = await instruct(stack.db, d.id, 'subsidy', 1, 80_000, day(12));
      await inbox.approve([ids.aBonus, ids.aSub, ids.bSub1, ids.cBonus, ids.cSub1, ids.cSub2, ids.dSub], `fin-a-${tag}`);
      await inbox.confirm(ids.cBonus, { reference: 'C-BONUS', paidOn: today() }, `fin-b-${tag}`);
      await inbox.confirm(ids.cSub1, { reference: 'C-SUB-1', paidOn: today() }, `fin-b-${tag}`);
      await inbox.fail(ids.cSub2, '账户冻结', `fin-b-${tag}`);
      await inbox.fail(ids.dSub, '户名不符', `fin-b-${tag}`);
      const departure = { candidateId: c.id, leftOn: day(8), reason: '调往外地工作', actor: left };
      await store.cancelUnpaidFrom(departure);
      await store.flagPaidFrom(departure);
    });

    const exportOf = (format: 'csv' | 'xlsx', as = finance, m = month) => fetchFile(stack.api.url, `/finance/exports/${m}.${format}`, as);

    it('exports the approved instructions due that month as CSV: masked ID, the account in full for finance, yuan with two decimals, purpose, totals', async () => {
      const res = await exportOf('csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bank-run-${month}.csv"`);
      expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(res.bytes.subarray(3).toString('utf8'));
      expect(header).toEqual(HEADER);
      const [y, m] = month.split('-').map(Number);
      expect(rows).toEqual([
        ['1', a.name, maskIdNumber(a.idNumber), '中国农业银行瓯海支行', ACCOUNT, a.name, '20000.00', '百名工匠大师奖金', day(5), ids.aBonus, ''],
        ['2', a.name, maskIdNumber(a.idNumber), '中国农业银行瓯海支行', ACCOUNT, a.name, '800.00', `百名工匠大师生活补贴 ${y}年${m}月`, day(10), ids.aSub, ''],
        [
          '3',
          b.name,
          maskIdNumber(b.idNumber),
          '',
          '缺少银行账户',
          '',
          '800.00',
          `百名工匠大师生活补贴 ${y}年${m}月`,
          day(11),
          ids.bSub1,
          '缺少银行账户，请工会办公室登记后再付款',
        ],
        ['合计', '3笔', '', '', '', '', '21600.00', '', '', '', ''],
      ]);
      expect(res.bytes.toString('utf8')).not.toContain(a.idNumber);
    });

    it('exports the same as an Excel workbook, amounts as numbers shown with two decimals; readers other than finance see the account masked', async () => {
      const res = await exportOf('xlsx');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bank-run-${month}.xlsx"`);
      const sheet = (await readXlsx(res.bytes)).worksheets[0];
      expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
      expect(sheet.rowCount).toBe(5);
      expect(sheet.getRow(2).getCell(5).value).toBe(ACCOUNT);
      expect(sheet.getRow(2).getCell(7).value).toBe(20000);
      expect(sheet.getRow(2).getCell(7).numFmt).toBe('0.00');
      expect(sheet.getRow(4).getCell(5).value).toBe('缺少银行账户');
      expect(sheet.getRow(5).getCell(1).value).toBe('合计');
      expect(sheet.getRow(5).getCell(7).value).toBe(21600);

      for (const as of [auditor, office, token('admin')]) {
        const masked = await readXlsx((await exportOf('xlsx', as)).bytes);
        expect(masked.worksheets[0].getRow(2).getCell(5).value).toBe(MASKED);
        const csv = (await exportOf('csv', as)).bytes.toString('utf8');
        expect(csv).toContain(MASKED);
        expect(csv).not.toContain(ACCOUNT);
      }
    });

    it('refuses a month that is not YYYY-MM (400 naming month) and roles that do not read finance (403)', async () => {
      for (const bad of ['2017-13', '201705', 'may']) {
        const res = await stack.http.get(`/finance/exports/${bad}.csv`, finance);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['month']);
      }
      for (const role of ['nominator', 'expert', 'leadership'] as const) expect((await exportOf('csv', token(role))).status).toBe(403);
    });

    it('reconciles the month: each status counted and summed, outstanding and recovery, and each master against the cap with breaches named', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error');
      const res = await stack.http.get(`/finance/reconciliation?month=${month}`, auditor);
      expect(res.status).toBe(200);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^BREACH: master ${c.id} has been paid 4000000 fen, 80000 fen above the cap`)));
      logged.mockRestore();
      expect(res.body).toMatchObject({
        month,
        capFen: 3_920_000,
        due: { count: 1, amountFen: 80_000 },
        approved: { count: 3, amountFen: 2_160_000 },
        paid: { count: 2, amountFen: 4_000_000 },
        failed: { count: 1, amountFen: 80_000 },
        cancelled: { count: 2, amountFen: 160_000 },
        outstanding: { count: 5, amountFen: 2_320_000 },
        recovery: { count: 1, amountFen: 1_000_000 },
      });
      const masters = Object.fromEntries(res.body.masters.map((m: { candidateId: string }) => [m.candidateId, m]));
      expect(Object.keys(masters).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
      expect(masters[a.id]).toMatchObject({ paidFen: 0, paidCount: 0, remainingFen: 3_920_000, breach: false });
      expect(masters[c.id]).toMatchObject({ paidFen: 4_000_000, paidCount: 2, remainingFen: -80_000, breach: true });
      expect(res.body.breaches).toContainEqual({ candidateId: c.id, name: c.name, paidFen: 4_000_000, paidCount: 2, capFen: 3_920_000, excessFen: 80_000 });
      expect(res.body.breaches.map((x: { candidateId: string }) => x.candidateId)).not.toContain(a.id);

      for (const as of [finance, office, token('admin')]) expect((await stack.http.get(`/finance/reconciliation?month=${month}`, as)).status).toBe(200);
      expect((await stack.http.get(`/finance/reconciliation?month=${month}`, token('nominator'))).status).toBe(403);
      const bad = await stack.http.get('/finance/reconciliation?month=2017-5', auditor);
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['month']);
    });
  });
});
