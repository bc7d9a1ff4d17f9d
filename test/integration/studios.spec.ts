import type { INestApplicationContext } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../../libs/contract';
import { maskAccountNumber } from '../../libs/security/pii';
import { fetchFile, parseCsv } from '../support/exports';
import { paperMaster } from '../support/masters';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb, streetUnion } from '../support/review-helpers';
import { driveRoundToCeremony, today } from '../support/round-driver';
import { client, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';

jest.setTimeout(300_000);

const DAY = 864e5;
const HOUR = 36e5;
const GRANT_FEN = 3_000_000;
const STANDARD = ['场地面积不少于50平方米', '带徒不少于3名', '有年度带徒计划'];

/** A check of every criterion of the standard, met unless named. */
const checks = (unmet: string[] = []) => STANDARD.map((criterion) => ({ criterion, met: !unmet.includes(criterion), evidence: `现场查看：${criterion}` }));

const studioForm = (batchId: string, masterId: string, tag: string) => ({
  batchId,
  masterId,
  name: `工匠大师工作室-${tag}`,
  hostUnit: '温州瓯海眼镜有限公司',
  premises: '娄桥街道古岸头工业区3号楼2层，120平方米',
  trade: '眼镜装配',
  plan: '每年带徒3名，开展技术攻关2项',
  apprentices: [
    { name: `学徒甲${tag}`, startOn: shanghaiDate(Date.now() - 400 * DAY) },
    { name: `学徒乙${tag}`, startOn: shanghaiDate(Date.now() - 30 * DAY) },
  ],
});

describe('demonstration studios over HTTP (real worker, Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-studios-${randomUUID()}`, MIN_PANEL_SIZE: '1' };
  const tag = randomUUID().slice(0, 6);
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  const roundIds: string[] = [];
  const office = token('union_office', `office-${tag}`);
  const leadership = token('leadership', `leader-${tag}`);
  // The unit that nominated master A, and another unit.
  const unit = token('nominator', `unit-${tag}`);
  const otherUnit = token('nominator', `unit-other-${tag}`);

  /** Master A (nominated by `unit`, area louqiao, commended at a ceremony today), a file not named, and three masters imported from paper. */
  const masters = {} as { a: string; notNamed: string; b: string; c: string; d: string };

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();

    const { roundId } = await createRound(http);
    roundIds.push(roundId);
    const file = async (over: Record<string, unknown> = {}) => {
      const res = await http.post('/nominations', nomination({ roundId, channel: 'self', area: 'louqiao', idNumber: idNumber(), mobile: mobileNumber(), ...over }), unit);
      expect(res.status).toBe(201);
      return res.body.candidateId as string;
    };
    masters.a = await file();
    masters.notNamed = await file();
    await approve(http, masters.a, 'qualification');
    await approve(http, masters.a, 'inspection', { visit: VISIT });
    await scoreThroughApi(http, masters.a, [88]);
    // The other file never completes its review: it ends not shortlisted, never named.
    expect(await driveRoundToCeremony(http, roundId)).toEqual([masters.a]);

    const commendedOn = shanghaiDate(Date.now() - 10 * DAY);
    const imported = await http.post(
      '/masters/import',
      { masters: [0, 1, 2].map(() => paperMaster({ commendedOn, roundYear: Number(commendedOn.slice(0, 4)) - 1, bonusPaid: null })) },
      office,
    );
    expect(imported.status).toBe(201);
    [masters.b, masters.c, masters.d] = imported.body.imported.map((m: { candidateId: string }) => m.candidateId);
  });
  afterAll(async () => {
    await closeRounds(db, roundIds);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  /** A year from 2030 on with no batch within two years either side of it, nor of `year + 2`. */
  async function freeYear(): Promise<number> {
    const listed = await http.get('/studio-batches', office);
    expect(listed.status).toBe(200);
    const taken = (listed.body as Array<{ year: number }>).map((b) => b.year);
    const free = Array.from({ length: 66 }, (_, i) => 2031 + i).filter((y) => taken.every((t) => t < y - 1 || t > y + 3));
    return free[randomInt(free.length)];
  }

  /** A batch whose application window is open now. */
  async function openBatch(): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const res = await http.post(
        '/studio-batches',
        {
          year: await freeYear(),
          opensAt: new Date(Date.now() - HOUR).toISOString(),
          closesAt: new Date(Date.now() + DAY).toISOString(),
          criteria: STANDARD,
        },
        office,
      );
      if (res.status === 201) return res.body.batchId;
      expect(res.status).toBe(409); // another test took a year nearby meanwhile
    }
    throw new Error('no free year for a studio batch');
  }

  const closeWindow = (batchId: string) => db.query(`UPDATE studio_batches SET closes_at = now() WHERE id = $1`, [batchId]);
  const fieldsOf = (res: { body: { fields?: Array<{ field: string }> } }) => (res.body.fields ?? []).map((f) => f.field);

  it('opens a batch every two years at most: a second within two years of another is a 409 with the reason', async () => {
    const year = await freeYear();
    const body = (y: number) => ({ year: y, opensAt: '2031-03-01T00:00:00+08:00', closesAt: '2031-04-01T00:00:00+08:00', criteria: STANDARD });
    const first = await http.post('/studio-batches', body(year), office);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ batchId: expect.any(String) });

    for (const near of [year + 1, year - 1, year]) {
      const refused = await http.post('/studio-batches', body(near), office);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain(`every 2 years`);
      expect(refused.body.message).toContain(`the ${year} batch (${first.body.batchId})`);
    }
    const next = await http.post('/studio-batches', body(year + 2), office);
    expect(next.status).toBe(201);

    // Malformed batches name the field; only the programme office opens one.
    const backwards = await http.post('/studio-batches', { ...body(2030), closesAt: '2031-02-01T00:00:00+08:00' }, office);
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['closesAt']);
    const noCriteria = await http.post('/studio-batches', { ...body(2030), criteria: [] }, office);
    expect(noCriteria.status).toBe(400);
    expect(fieldsOf(noCriteria)).toEqual(['criteria']);
    expect((await http.post('/studio-batches', body(2030), leadership)).status).toBe(403);

    const batch = await http.get(`/studio-batches/${first.body.batchId}`, office);
    expect(batch.body).toMatchObject({ year, criteria: STANDARD, approval: null, studios: [] });
  });

  it('from application to naming: screening against the standard, the batch approved, the grant instructed once and paid through four eyes', async () => {
    const batchId = await openBatch();

    // Refusals over HTTP, each naming its field.
    const notNamed = await http.post('/studios', studioForm(batchId, masters.notNamed, tag), unit);
    expect(notNamed.status).toBe(400);
    expect(notNamed.body.fields).toEqual([{ field: 'masterId', reason: expect.stringContaining('is not a named master') }]);
    const unknownBatch = await http.post('/studios', studioForm(randomUUID(), masters.a, tag), unit);
    expect(unknownBatch.status).toBe(400);
    expect(fieldsOf(unknownBatch)).toEqual(['batchId']);
    const notTheirs = await http.post('/studios', studioForm(batchId, masters.a, tag), otherUnit);
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.fields).toEqual([{ field: 'masterId', reason: expect.stringContaining('among the masters you nominated') }]);
    const { plan: _plan, ...withoutPlan } = studioForm(batchId, masters.a, tag);
    const malformed = await http.post('/studios', { ...withoutPlan, apprentices: [] }, unit);
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed).sort()).toEqual(['apprentices', 'plan']);
    expect((await http.post('/studios', studioForm(batchId, masters.a, tag), leadership)).status).toBe(403);

    // Master A's studio by the unit that nominated A; B's, C's and D's by the office.
    const apply = async (masterId: string, as: string, name: string) => {
      const res = await http.post('/studios', studioForm(batchId, masterId, `${tag}-${name}`), as);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ studioId: expect.any(String) });
      return res.body.studioId as string;
    };
    const a = await apply(masters.a, unit, 'A');
    const b = await apply(masters.b, office, 'B');
    const c = await apply(masters.c, office, 'C');
    const d = await apply(masters.d, office, 'D');
    const again = await http.post('/studios', studioForm(batchId, masters.a, tag), office);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(a);

    // Who sees which studio: the unit its own, a union its area's masters', the office all.
    const seen = await http.get(`/studios/${a}`, unit);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      id: a,
      batch: { id: batchId },
      master: { id: masters.a },
      status: 'applied',
      apprentices: [expect.objectContaining({ name: `学徒甲${tag}-A` }), expect.objectContaining({ name: `学徒乙${tag}-A` })],
    });
    expect((await http.get(`/studios/${a}`, otherUnit)).status).toBe(404);
    expect((await http.get(`/studios/${a}`, streetUnion('wutian'))).status).toBe(404);
    expect((await http.get(`/studios/${a}`, streetUnion('louqiao'))).status).toBe(200);
    expect((await http.get(`/studios/${a}`, token('finance'))).status).toBe(403);
    const mine = await http.get(`/studios?batchId=${batchId}`, unit);
    expect(mine.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: a, masterName: expect.any(String), apprentices: 2 })] });
    expect((await http.get(`/studios?batchId=${batchId}`, office)).body.total).toBe(4);
    expect((await http.get(`/studios?status=named&pageSize=0`, office)).status).toBe(400);
    // Found by part of its name or its master's, any case; a % is looked for as itself.
    const found = async (name: string) =>
      (await http.get(`/studios?name=${encodeURIComponent(name)}&batchId=${batchId}`, office)).body.items.map((i: { id: string }) => i.id);
    expect(await found(`${tag}-A`.toUpperCase())).toEqual([a]);
    expect(await found('%')).toEqual([]);
    const res = await http.get(`/studios?name=${'长'.repeat(51)}`, office);
    expect([res.status, res.body.message]).toEqual([400, expect.stringContaining('name must be at most 50 characters')]);

    // Screening: every criterion with evidence, by the office only.
    const screen = (id: string, outcome: string, criteria = checks(), as = office) =>
      http.post(`/studios/${id}/screening`, { outcome, criteria, reason: `screening ${outcome}` }, as);
    const partial = await screen(a, 'pass', checks().slice(0, 2));
    expect(partial.status).toBe(400);
    expect(partial.body.fields).toEqual([{ field: 'criteria', reason: expect.stringContaining(`missing: '${STANDARD[2]}'`) }]);
    const unmet = await screen(a, 'pass', checks([STANDARD[1]]));
    expect(unmet.status).toBe(400);
    expect(fieldsOf(unmet)).toEqual(['outcome']);
    const noEvidence = await screen(
      a,
      'fail',
      checks().map((x, i) => (i === 0 ? { ...x, evidence: '  ' } : x)),
    );
    expect(noEvidence.status).toBe(400);
    expect(fieldsOf(noEvidence)).toEqual(['criteria.0.evidence']);
    expect((await screen(a, 'pass', checks(), unit)).status).toBe(403);

    expect((await screen(a, 'return', checks([STANDARD[2]]))).body).toMatchObject({ status: 'returned' });
    const resubmitted = await http.post(`/studios/${a}/resubmission`, { note: '补交年度带徒计划', form: { plan: '每年带徒4名' } }, unit);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'applied', plan: '每年带徒4名', resubmissions: [{ note: '补交年度带徒计划' }] });
    expect((await screen(a, 'pass')).body).toMatchObject({ status: 'screened', screenings: [{ outcome: 'return' }, { outcome: 'pass' }] });
    expect((await screen(b, 'pass')).body.status).toBe('screened');
    expect((await screen(c, 'fail', checks([STANDARD[0]]))).body).toMatchObject({ status: 'rejected', closure: { kind: 'rejected', reason: 'screening fail' } });
    const again409 = await screen(c, 'pass');
    expect(again409.status).toBe(409);

    // D is withdrawn by the office, with the reason; the unit that did not file it may not.
    expect((await http.post(`/studios/${d}/withdrawal`, { reason: '不办了' }, otherUnit)).status).toBe(404);
    const withdrawn = await http.post(`/studios/${d}/withdrawal`, { reason: '依托单位搬迁' }, office);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', closure: { kind: 'withdrawn', reason: '依托单位搬迁' } });

    // The leadership group approves once applications have closed, every screened studio decided.
    const decision = { approved: [a], notApproved: [{ studioId: b, reason: '本批优先支持六大传统行业' }] };
    const early = await http.post(`/studio-batches/${batchId}/approval`, decision, leadership);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('the batch is approved once they close');
    await closeWindow(batchId);
    // D's master may apply again (the application was withdrawn), but not once applications have closed.
    const tooLate = await http.post('/studios', studioForm(batchId, masters.d, tag), office);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.message).toMatch(/studio batch are accepted from .* \(Asia\/Shanghai\); it is now/);
    expect((await http.post(`/studio-batches/${batchId}/approval`, decision, office)).status).toBe(403);
    const missing = await http.post(`/studio-batches/${batchId}/approval`, { approved: [a], notApproved: [] }, leadership);
    expect(missing.status).toBe(422);
    expect(missing.body.fields).toEqual([{ field: 'notApproved', reason: expect.stringContaining(b) }]);
    const rejectedListed = await http.post(
      `/studio-batches/${batchId}/approval`,
      { ...decision, notApproved: [...decision.notApproved, { studioId: c, reason: 'x' }] },
      leadership,
    );
    expect(rejectedListed.status).toBe(422);
    expect(fieldsOf(rejectedListed)).toEqual(['notApproved.1.studioId']);

    const approved = await http.post(`/studio-batches/${batchId}/approval`, decision, leadership);
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ approved: [a], notApproved: decision.notApproved });
    expect(approved.body.studios).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: a, status: 'named', namedOn: today() }),
        expect.objectContaining({ id: b, status: 'not_approved' }),
        expect.objectContaining({ id: c, status: 'rejected' }),
      ]),
    );
    const named = await http.get(`/studios/${a}`, office);
    expect(named.body).toMatchObject({ status: 'named', namedOn: today(), grant: { amountFen: GRANT_FEN, dueOn: today(), status: 'due' }, approval: { approved: true } });
    expect((await http.get(`/studios/${b}`, office)).body).toMatchObject({ status: 'not_approved', closure: { reason: '本批优先支持六大传统行业' }, grant: null });
    // The public register names the studio beside its master; a studio not approved is not there.
    const register = (await http.get('/public/masters')).body as { masters: Array<{ studio?: string | null }> };
    const registered = register.masters.map((m) => m.studio);
    expect(registered).toContain(`工匠大师工作室-${tag}-A`);
    expect(registered).not.toContain(`工匠大师工作室-${tag}-B`);

    // The grant is in finance's inbox once, paid to the studio, recorded against master A.
    const finance1 = token('finance', `clerk-1-${tag}`);
    const finance2 = token('finance', `clerk-2-${tag}`);
    const inbox = await http.get(`/finance/tasks?kind=studio_grant&candidateId=${masters.a}`, finance1);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: named.body.grant.taskId,
        candidateId: masters.a,
        studioId: a,
        payeeName: `工匠大师工作室-${tag}-A`,
        kind: 'studio_grant',
        instalment: 0,
        attempt: 1,
        amountFen: GRANT_FEN,
        dueOn: today(),
        status: 'due',
      }),
    ]);
    expect((await http.get(`/finance/tasks?studioId=${b}`, finance1)).body.items).toEqual([]);

    // The same decision sent again changes nothing; another decision is refused.
    const repeated = await http.post(`/studio-batches/${batchId}/approval`, decision, leadership);
    expect(repeated.status).toBe(200);
    const changed = await http.post(`/studio-batches/${batchId}/approval`, { approved: [a, b], notApproved: [] }, leadership);
    expect(changed.status).toBe(409);
    expect(changed.body.message).toContain('its decision stands');
    const rows = await db.query(
      `SELECT t.studio_id AS "studioId", t.kind, t.amount_fen::int AS "amountFen", array_agg(e.step || ':' || e.actor) AS steps
         FROM payment_tasks t JOIN payment_task_events e ON e.task_id = t.id WHERE t.studio_id = ANY($1) GROUP BY t.id`,
      [[a, b, c, d]],
    );
    expect(rows).toEqual([{ studioId: a, kind: 'studio_grant', amountFen: GRANT_FEN, steps: ['created:studio-workflow'] }]);

    // Four eyes: one clerk approves, another records the payment.
    const taskId: string = named.body.grant.taskId;
    expect((await http.post(`/finance/tasks/${taskId}/approve`, {}, finance1)).body.status).toBe('approved');
    // The grant is paid to the studio's host unit (依托单位), never to the master's own account.
    const digits = () => String(randomInt(1e9, 1e10 - 1));
    const masterAccount = `6222${digits()}`;
    const studioAccount = `6228${digits()}`;
    expect((await http.put(`/candidates/${masters.a}/bank-account`, { bank: '中国工商银行瓯海支行', accountNumber: masterAccount }, office)).status).toBe(200);
    const grantRow = async (as: string) => {
      const res = await fetchFile(api.url, `/finance/exports/${today().slice(0, 7)}.csv`, as);
      expect(res.status).toBe(200);
      const text = res.bytes.subarray(3).toString('utf8');
      const row = parseCsv(text).find((r) => r[9] === taskId);
      expect(row).toBeDefined();
      return row!;
    };
    const grantLine = (account: string, bank: string, holder: string, note: string) => [
      expect.any(String),
      `工匠大师工作室-${tag}-A`,
      '',
      bank,
      account,
      holder,
      '30000.00',
      '百名工匠大师示范性工作室资助',
      today(),
      taskId,
      note,
    ];
    // Before the office records the studio's account: the missing-account line, saying where to record it.
    const missingNote = `缺少银行账户，请工会办公室登记工作室依托单位账户后再付款（PUT /studios/${a}/bank-account）`;
    expect(await grantRow(finance1)).toEqual(grantLine('缺少银行账户', '', '', missingNote));
    expect((await http.get(`/studios/${a}`, office)).body.bankAccount).toBeNull();

    // Refusals: the field named; only the office records it; an unknown studio is a 404.
    const account = { bank: '中国农业银行温州瓯海支行', accountNumber: studioAccount.replace(/(\d{4})/g, '$1 ') };
    const badNumber = await http.put(`/studios/${a}/bank-account`, { ...account, accountNumber: '6228-12' }, office);
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.fields).toEqual([{ field: 'accountNumber', reason: 'accountNumber must be 8 to 32 digits' }]);
    expect(fieldsOf(await http.put(`/studios/${a}/bank-account`, { accountNumber: studioAccount }, office))).toEqual(['bank']);
    for (const as of [unit, leadership, streetUnion('louqiao'), finance1]) expect((await http.put(`/studios/${a}/bank-account`, account, as)).status).toBe(403);
    expect((await http.put(`/studios/${randomUUID()}/bank-account`, account, office)).status).toBe(404);

    const recorded = await http.put(`/studios/${a}/bank-account`, account, office);
    expect(recorded.status).toBe(200);
    const shown = { bank: account.bank, accountNumber: maskAccountNumber(studioAccount), accountName: '温州瓯海眼镜有限公司', recordedBy: `office-${tag}` };
    expect(recorded.body).toMatchObject({ id: a, bankAccount: { ...shown, recordedAt: expect.any(String) } });
    const viewed = await http.get(`/studios/${a}`, unit);
    expect(viewed.body.bankAccount).toEqual(recorded.body.bankAccount);
    expect(JSON.stringify(viewed.body)).not.toContain(studioAccount);
    // Recording the same account again changes nothing.
    expect((await http.put(`/studios/${a}/bank-account`, account, office)).body.bankAccount).toEqual(recorded.body.bankAccount);

    // The bank run: the studio's account in full for finance, masked for others; never the master's.
    expect(await grantRow(finance1)).toEqual(grantLine(studioAccount, account.bank, '温州瓯海眼镜有限公司', ''));
    expect(await grantRow(token('auditor'))).toEqual(grantLine(maskAccountNumber(studioAccount), account.bank, '温州瓯海眼镜有限公司', ''));
    const [{ n: leakedAccount }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE $1`, [`%${studioAccount.slice(4)}%`]);
    expect(leakedAccount).toBe(0);

    const sameClerk = await http.post(`/finance/tasks/${taskId}/confirm`, { reference: `GRANT-${tag}`, paidOn: today() }, finance1);
    expect(sameClerk.status).toBe(403);
    const paid = await http.post(`/finance/tasks/${taskId}/confirm`, { reference: `GRANT-${tag}`, paidOn: today() }, finance2);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', reference: `GRANT-${tag}` });
    expect((await http.get(`/studios/${a}`, unit)).body.grant.status).toBe('paid');

    // Every write is on the audit trail, under the studio or the batch; refusals too.
    const audited: Array<{ route: string; object_type: string; status: number }> = await db.query(
      `SELECT route, object_type, status FROM audit_log WHERE object_id = ANY($1) ORDER BY id`,
      [[a, batchId]],
    );
    const routes = audited.map((r) => `${r.route} ${r.status}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /studios 201',
        'POST /studios/:id/screening 200',
        'POST /studios/:id/screening 400',
        'POST /studios/:id/resubmission 200',
        'PUT /studios/:id/bank-account 200',
        'PUT /studios/:id/bank-account 400',
        'PUT /studios/:id/bank-account 403',
        'POST /studio-batches/:id/approval 200',
        'POST /studio-batches/:id/approval 409',
        'POST /studio-batches/:id/approval 422',
      ]),
    );
    expect(new Set(audited.map((r) => r.object_type))).toEqual(new Set(['studio', 'studio_batch']));
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE route = 'POST /studios' AND status = 201 AND object_id = ANY($1)`, [[a, b, c, d]]);
    expect(n).toBe(4);
    const [{ n: leaked }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND detail::text LIKE $2`, [a, `%学徒甲${tag}%`]);
    expect(leaked).toBe(0); // apprentices' names are redacted from the trail

    // Apprentices: recorded, their end and outcome; refusals name the field.
    const added = await http.post(`/studios/${a}/apprentices`, { name: `学徒丙${tag}`, startOn: shanghaiDate(Date.now() - 800 * DAY) }, unit);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ studioId: a, id: expect.any(String), endOn: null, outcome: null });
    const apprenticeId: string = added.body.id;
    const endOn = shanghaiDate(Date.now() - 20 * DAY);
    const outcome = { skillLevel: 'senior_worker', competition: { name: '瓯海区职工技能竞赛（眼镜装配）', year: Number(endOn.slice(0, 4)), placing: 2 } };
    const ended = await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { endOn, outcome }, unit);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: apprenticeId, endOn, outcome });
    // A field left out stays as it was; a null end undoes an end recorded by mistake.
    expect((await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { endOn: null }, office)).body).toMatchObject({ endOn: null, outcome });
    expect((await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { endOn }, office)).body).toMatchObject({ endOn, outcome });
    const backwards = await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { endOn: '2017-01-01' }, office);
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['endOn']);
    const badLevel = await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { outcome: { skillLevel: 'grandmaster' } }, office);
    expect(badLevel.status).toBe(400);
    expect(fieldsOf(badLevel)).toEqual(['outcome.skillLevel']);
    expect((await http.patch(`/studios/${a}/apprentices/${randomUUID()}`, { endOn }, office)).status).toBe(404);
    expect((await http.patch(`/studios/${a}/apprentices/${apprenticeId}`, { endOn }, otherUnit)).status).toBe(404);
    expect((await http.post(`/studios/${c}/apprentices`, { name: '某人', startOn: today() }, office)).status).toBe(409);
    const [{ n: patched }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE route = 'PATCH /studios/:id/apprentices/:apprenticeId' AND object_id = $1 AND status = 200`,
      [a],
    );
    expect(patched).toBe(3);

    // The programme report: studios named against the target of 30; apprentices per studio and per year.
    const programme = await http.get('/programme', token('auditor'));
    expect(programme.status).toBe(200);
    const { studios } = programme.body;
    expect(studios).toMatchObject({ target: 30, remaining: 30 - studios.named });
    expect(studios.named).toBeGreaterThanOrEqual(1);
    expect(studios.batches).toEqual(expect.arrayContaining([expect.objectContaining({ batchId, applications: 4, named: 1 })]));
    expect(studios.apprentices.perStudio).toEqual(
      expect.arrayContaining([{ studioId: a, name: `工匠大师工作室-${tag}-A`, masterId: masters.a, namedOn: today(), apprentices: 3, finished: 1, withOutcome: 1 }]),
    );
    // Each year an apprenticeship of a named studio ran counts it once: the three overlap this year (or last, for one started long ago).
    const years = new Map<number, { trained: number; started: number; finished: number }>(studios.apprentices.perYear.map((y: { year: number }) => [y.year, y]));
    const thisYear = Number(today().slice(0, 4));
    expect(years.get(thisYear)!.trained).toBeGreaterThanOrEqual(Number(endOn.slice(0, 4)) === thisYear ? 3 : 2);
    const startYear = Number(shanghaiDate(Date.now() - 800 * DAY).slice(0, 4));
    expect(years.get(startYear)!.started).toBeGreaterThanOrEqual(1);
    expect(years.get(Number(endOn.slice(0, 4)))!.finished).toBeGreaterThanOrEqual(1);
  });
});
