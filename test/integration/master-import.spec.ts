import type { INestApplicationContext } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { shanghaiDate, shanghaiMidnight, subsidyDueAt } from '../../libs/contract';
import { openDb } from '../support/review-helpers';
import { paperMaster } from '../support/masters';
import { client, eventually, startApi, startWorker, token } from '../support/service';

jest.setTimeout(180_000);

const DAY = 864e5;

interface Task {
  id: string;
  kind: string;
  instalment: number;
  attempt: number;
  amountFen: number;
  dueOn: string;
  status: string;
  reference: string | null;
  paidOn: string | null;
}

describe('masters named before the service existed: POST /masters/import (real worker, Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-import-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  const office = token('union_office');
  const finance = token('finance');
  const auditor = token('auditor');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
  });
  afterAll(async () => {
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  const dueDay = () => api.config.programme.subsidyDueDay;
  const dueOn = (commendedOn: string, n: number) => shanghaiDate(subsidyDueAt(shanghaiMidnight(commendedOn), n, dueDay()));
  /** A commendation `days` ago whose round is the year before (never a round the tests run, 2030 on). */
  const commendedDaysAgo = (days: number) => {
    const on = shanghaiDate(Date.now() - days * DAY);
    return { commendedOn: on, roundYear: Number(on.slice(0, 4)) - 1 };
  };
  /** How many instalments have fallen due by now for a commendation on that date. */
  const dueByNow = (commendedOn: string) => {
    let n = 0;
    while (n < 24 && subsidyDueAt(shanghaiMidnight(commendedOn), n + 1, dueDay()) <= Date.now()) n++;
    return n;
  };
  const tasksOf = async (candidateId: string): Promise<Task[]> => {
    const res = await http.get(`/finance/tasks?candidateId=${candidateId}`, finance);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const countFiles = async (names: string[]) => Number((await db.query(`SELECT count(*) FROM candidates WHERE name = ANY($1)`, [names]))[0].count);

  it('records what the paper shows as paid and creates at once, in order, every instalment due since — a gap included', async () => {
    const when = commendedDaysAgo(160);
    const due = dueByNow(when.commendedOn);
    expect(due).toBeGreaterThanOrEqual(4);
    const paid = [1, 2, 4].map((instalment) => ({ instalment, reference: `SUB-${instalment}-${randomUUID().slice(0, 4)}`, paidOn: shanghaiDate(Date.now() - DAY) }));
    const master = paperMaster({ ...when, bonusPaid: null, subsidiesPaid: paid });

    const res = await http.post('/masters/import', { masters: [master] }, office);
    expect(res.status).toBe(201);
    expect(res.body.unchanged).toEqual([]);
    const [{ candidateId }] = res.body.imported;

    const expected = 1 + due; // the bonus, and every instalment due by now (3 paid on paper, the rest created)
    const tasks = await eventually(
      () => tasksOf(candidateId),
      (t) => t.length >= expected,
    );
    // Nothing doubled, nothing ahead of its date: one instruction per instalment, none not yet due.
    expect(tasks).toHaveLength(expected);
    const subsidies = tasks.filter((t) => t.kind === 'subsidy').sort((a, b) => a.instalment - b.instalment);
    expect(subsidies.map((t) => t.instalment)).toEqual(Array.from({ length: due }, (_, i) => i + 1));
    for (const t of subsidies) {
      expect(t.dueOn).toBe(dueOn(when.commendedOn, t.instalment));
      expect(t.amountFen).toBe(api.config.programme.subsidyMonthlyFen);
      const onPaper = paid.find((p) => p.instalment === t.instalment);
      expect(t.status).toBe(onPaper ? 'paid' : 'due');
      if (onPaper) expect([t.reference, t.paidOn]).toEqual([onPaper.reference, onPaper.paidOn]);
    }
    const bonus = tasks.find((t) => t.kind === 'bonus')!;
    expect([bonus.status, bonus.dueOn, bonus.amountFen]).toEqual(['due', when.commendedOn, api.config.programme.bonusFen]);
    // Created in order: the gap (instalment 3) before the months after the last paid one.
    const created: Array<{ instalment: number }> = await db.query(
      `SELECT t.instalment FROM payment_task_events e JOIN payment_tasks t ON t.id = e.task_id
       WHERE t.candidate_id = $1 AND t.kind = 'subsidy' AND e.step = 'created' ORDER BY e.id`,
      [candidateId],
    );
    expect(created.map((c) => c.instalment)).toEqual(subsidies.filter((t) => t.status === 'due').map((t) => t.instalment));

    // The finance bureau's forecast knows the schedule: the rest of the 24 months are committed money.
    const [schedule] = await db.query(
      `SELECT to_char(commended_on, 'YYYY-MM-DD') AS "commendedOn", subsidy_months AS months, subsidy_due_day AS "dueDay", status
       FROM payment_schedules WHERE candidate_id = $1`,
      [candidateId],
    );
    expect(schedule).toEqual({ commendedOn: when.commendedOn, months: 24, dueDay: dueDay(), status: 'paying' });

    // The file reads like any master's: masked for the auditor, and the history starts at the import.
    const seen = await http.get(`/candidates/${candidateId}`, auditor);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ channel: 'imported', stage: 'payments', status: 'paying', name: master.name });
    expect(seen.body.idNumber).not.toBe(master.idNumber);
    expect(seen.body.idNumber.slice(-4)).toBe(master.idNumber.slice(-4));
    const history = await http.get(`/candidates/${candidateId}/history`, auditor);
    expect(history.status).toBe(200);
    // The import's audit row comes first (the files are written before the schedules start), then the chain of runs.
    expect(history.body.filter((e: { type: string }) => e.type !== 'audit')[0]).toMatchObject({ type: 'imported', stage: 'payments', role: 'union_office' });
    expect(history.body.find((e: { action?: string }) => e.action === 'master.imported')).toMatchObject({
      type: 'audit',
      role: 'union_office',
      detail: { roundYear: when.roundYear },
    });
    expect(history.body.find((e: { type: string }) => e.type === 'imported').note).toContain('subsidy instalments paid: 1, 2, 4');
    expect(history.body.filter((e: { type: string }) => e.type === 'payment_task_created')).toHaveLength(expected - paid.length);
    // The ID number never reaches the engine: not in the workflow's input, not in its ID.
    expect(JSON.stringify(history.body)).not.toContain(master.idNumber);
  });

  it('closes the file of a master whose 24 months were all paid on paper, and creates nothing', async () => {
    const commendedOn = '2018-01-31';
    const master = paperMaster({
      roundYear: 2017,
      commendedOn,
      subsidiesPaid: Array.from({ length: 24 }, (_, i) => ({ instalment: i + 1, reference: `R${i + 1}`, paidOn: dueOn(commendedOn, i + 1) })),
    });
    const res = await http.post('/masters/import', { masters: [master] }, office);
    expect(res.status).toBe(201);
    const [{ candidateId }] = res.body.imported;
    const closed = await eventually(
      () => http.get(`/candidates/${candidateId}`, office),
      (r) => r.body?.stage === 'closed',
    );
    expect(closed.body.status).toBe('completed');
    // The month-end edge: 31 January, due day past the end of February is its last day.
    const tasks = await tasksOf(candidateId);
    expect(tasks).toHaveLength(25);
    expect(tasks.every((t) => t.status === 'paid')).toBe(true);
    expect(tasks.find((t) => t.instalment === 1)!.dueOn).toBe(dueOn(commendedOn, 1));
    expect(closed.body.idNumber).toBe(master.idNumber); // the office sees it in clear
  });

  it('changes nothing when the same import comes again, and refuses one that says something else about a master', async () => {
    const masters = [paperMaster({ ...commendedDaysAgo(40) }), paperMaster({ ...commendedDaysAgo(70), mobile: undefined })];
    const first = await http.post('/masters/import', { masters }, office);
    expect(first.status).toBe(201);
    const ids = first.body.imported.map((i: { candidateId: string }) => i.candidateId);
    const settled = await Promise.all(
      ids.map((id: string) =>
        eventually(
          () => tasksOf(id),
          (t) => t.length >= 1 + dueByNow(masters[ids.indexOf(id)].commendedOn),
        ),
      ),
    );

    const again = await http.post('/masters/import', { masters }, office);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ imported: [], unchanged: ids.map((candidateId: string) => ({ candidateId })) });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await Promise.all(ids.map((id: string) => tasksOf(id)))).toEqual(settled);

    const newcomer = paperMaster();
    const other = { ...masters[1], subsidiesPaid: [{ instalment: 1, reference: 'OTHER', paidOn: shanghaiDate(Date.now()) }] };
    const refused = await http.post('/masters/import', { masters: [newcomer, other] }, office);
    expect(refused.status).toBe(409);
    expect(refused.body.fields).toEqual([{ field: 'masters.1.idNumber', reason: expect.stringContaining('already imported') }]);
    expect(await countFiles([newcomer.name])).toBe(0);
  });

  it('refuses a bad row with a 400 naming the row and field, and imports nothing of that request', async () => {
    const good = paperMaster();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ idNumber: '110105194912310021' }, 'masters.1.idNumber'],
      [{ commendedOn: '2019-02-30', bonusPaid: null }, 'masters.1.commendedOn'],
      [{ bonusPaid: { reference: '   ', paidOn: '2020-01-15' } }, 'masters.1.bonusPaid.reference'],
      [{ bonusPaid: undefined }, 'masters.1.bonusPaid'],
      [{ subsidiesPaid: [{ instalment: 25, reference: 'X', paidOn: '2020-02-10' }] }, 'masters.1.subsidiesPaid.0.instalment'],
      [{ subsidiesPaid: [{ instalment: 1, reference: 'X', paidOn: '2019-01-10' }] }, 'masters.1.subsidiesPaid.0.paidOn'],
      [{ roundYear: 2016, commendedOn: '2017-01-05', bonusPaid: null }, 'masters.1.roundYear'],
      [{ commendedOn: shanghaiDate(Date.now() + 3 * DAY), roundYear: Number(shanghaiDate(Date.now()).slice(0, 4)), bonusPaid: null }, 'masters.1.commendedOn'],
      [{ idNumber: good.idNumber }, 'masters.1.idNumber'],
      [{ industry: 'shipbuilding' }, 'masters.1.industry'],
    ];
    for (const [over, field] of cases) {
      const bad = paperMaster(over);
      const res = await http.post('/masters/import', { masters: [good, bad] }, office);
      expect([res.status, res.body.fields?.map((f: { field: string }) => f.field)]).toEqual([400, [field]]);
      expect(await countFiles([good.name, bad.name])).toBe(0);
    }
    expect((await http.post('/masters/import', { masters: [good] }, token('nominator'))).status).toBe(403);
    expect(await countFiles([good.name])).toBe(0);
  });

  it('takes the same columns as an Excel upload, and names the sheet, row and column of a bad cell', async () => {
    const template = await fetch(`${api.url}/masters/import/template.xlsx`, { headers: { authorization: `Bearer ${office}` } });
    expect(template.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load((await template.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['名单', '补贴发放']);

    const when = commendedDaysAgo(100);
    const master = paperMaster({ ...when });
    const masters = workbook.getWorksheet('名单')!;
    masters.addRow([
      master.name,
      master.idNumber,
      master.mobile,
      master.employer,
      master.trade,
      '鞋革',
      master.roundYear,
      new Date(`${master.commendedOn}T00:00:00Z`),
      'BONUS-XLSX',
      shanghaiDate(Date.now() - DAY),
      '中国工商银行温州瓯海支行',
      '6222021234567890123',
      null,
    ]);
    workbook.getWorksheet('补贴发放')!.addRow([master.idNumber, 1, 'SUB-XLSX-1', shanghaiDate(Date.now() - DAY)]);
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(await workbook.xlsx.writeBuffer())]), 'masters.xlsx');
      const res = await fetch(`${api.url}/masters/import`, { method: 'POST', headers: { authorization: `Bearer ${office}` }, body: form });
      return { status: res.status, body: (await res.json()) as any };
    };

    const res = await upload();
    expect(res.status).toBe(201);
    const [{ candidateId }] = res.body.imported;
    const tasks = await eventually(
      () => tasksOf(candidateId),
      (t) => t.length >= 1 + dueByNow(when.commendedOn),
    );
    expect(tasks.find((t) => t.kind === 'bonus')).toMatchObject({ status: 'paid', reference: 'BONUS-XLSX' });
    expect(tasks.find((t) => t.kind === 'subsidy' && t.instalment === 1)).toMatchObject({ status: 'paid', reference: 'SUB-XLSX-1' });
    const file = await http.get(`/candidates/${candidateId}`, office);
    expect(file.body.bankAccount).toMatchObject({ bank: '中国工商银行温州瓯海支行', accountNumber: expect.stringMatching(/\*+0123$/), accountName: master.name });

    // The same workbook again: nothing changes. A bad cell on a new row: the sheet's row is named.
    expect((await upload()).body).toEqual({ imported: [], unchanged: [{ candidateId }] });
    masters.addRow([`纸档坏行`, '110105194912310021', null, '厂', '工', '鞋革', 2019, '2019-12-28', null, null, null, null, null]);
    const bad = await upload();
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ field: '名单!3.身份证号码', reason: expect.stringContaining('idNumber') }]);
    expect(await countFiles(['纸档坏行'])).toBe(0);
  });
});
