import { randomUUID } from 'node:crypto';
import { financeStack, freeMonth, insertMaster, instruct, type Master } from '../support/finance-fixture';
import { createVotingRound } from '../support/voting-fixture';
import { today } from '../support/round-driver';
import { token } from '../support/service';

jest.setTimeout(120_000);

type Reply = { status: number; body: any };
const fieldsOf = (res: Reply) => (res.body.fields ?? []).map((f: { field: string }) => f.field);

/**
 * Finance's inbox over HTTP (real PostgreSQL): instructions listed with their totals, four eyes (one
 * clerk approves, another pays), failure and reissue, batch approval, every refusal, repeats that
 * change nothing, and two clerks paying the same instruction at the same moment.
 */
describe('finance inbox: /finance/tasks (real PostgreSQL)', () => {
  const tag = randomUUID().slice(0, 6);
  const clerk = (name: string) => token('finance', `fin-${name}-${tag}`);
  const checker = clerk('checker');
  const payer = clerk('payer');
  const auditor = token('auditor', `auditor-${tag}`);
  const office = token('union_office', `office-${tag}`);
  const stack = financeStack({ TEMPORAL_TASK_QUEUE: `it-finance-${tag}` });

  /** A master with a fresh bonus (attempt 1, due today), as the payment schedule would leave it. */
  async function bonusOf(): Promise<{ master: Master; id: string }> {
    const master = await insertMaster(stack.db, stack.pii);
    return { master, id: await instruct(stack.db, master.id, 'bonus', 0, 2_000_000, today()) };
  }
  const get = (id: string) => stack.http.get(`/finance/tasks/${id}`, auditor);
  const payment = (reference = `BANK-${randomUUID().slice(0, 8)}`) => ({ reference, paidOn: today() });

  describe('the list', () => {
    let month: string;
    let a: Master, b: Master;
    let roundId: string;

    beforeAll(async () => {
      month = freeMonth();
      roundId = (await createVotingRound(stack.db, { candidates: 0, phase: 'closed' })).roundId;
      a = await insertMaster(stack.db, stack.pii, { roundId });
      b = await insertMaster(stack.db, stack.pii);
      await instruct(stack.db, a.id, 'subsidy', 1, 80_000, `${month}-10`);
      await instruct(stack.db, a.id, 'bonus', 0, 2_000_000, `${month}-01`);
      await instruct(stack.db, b.id, 'subsidy', 1, 80_000, `${month}-20`);
      const [y, m] = month.split('-').map(Number);
      await instruct(stack.db, b.id, 'subsidy', 2, 80_000, m === 12 ? `${y + 1}-01-20` : `${y}-${String(m + 1).padStart(2, '0')}-20`);
    });

    it('lists the month soonest due first, each item with every step, and the count and sum around them', async () => {
      const res = await stack.http.get(`/finance/tasks?dueMonth=${month}`, clerk('reader'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((t: { candidateId: string; kind: string; dueOn: string }) => [t.candidateId, t.kind, t.dueOn])).toEqual([
        [a.id, 'bonus', `${month}-01`],
        [a.id, 'subsidy', `${month}-10`],
        [b.id, 'subsidy', `${month}-20`],
      ]);
      expect(res.body.totals).toEqual({ count: 3, amountFen: 2_160_000 });
      expect(res.body.items[0]).toMatchObject({
        id: expect.any(String),
        candidateId: a.id,
        payeeName: a.name,
        kind: 'bonus',
        instalment: 0,
        attempt: 1,
        amountFen: 2_000_000,
        dueOn: `${month}-01`,
        status: 'due',
        approvedBy: null,
        paidBy: null,
        reference: null,
        paidOn: null,
        recovery: false,
      });
    });

    it('filters by candidate, round, kind and status, `open` meaning not paid yet', async () => {
      const ids = async (query: string) => (await stack.http.get(`/finance/tasks?${query}`, auditor)).body.items.map((t: { dueOn: string }) => t.dueOn);
      expect(await ids(`candidateId=${b.id}`)).toHaveLength(2);
      expect(await ids(`roundId=${roundId}`)).toEqual([`${month}-01`, `${month}-10`]);
      expect(await ids(`dueMonth=${month}&kind=subsidy`)).toEqual([`${month}-10`, `${month}-20`]);
      expect(await ids(`candidateId=${a.id}&status=open`)).toHaveLength(2);
      expect(await ids(`candidateId=${a.id}&status=paid`)).toEqual([]);
    });

    it('refuses a filter it does not know with a 400 naming the field', async () => {
      for (const [query, field] of [
        ['status=opened', 'status'],
        ['kind=pension', 'kind'],
        ['dueMonth=2017-13', 'dueMonth'],
        ['dueMonth=2017-5', 'dueMonth'],
        ['candidateId=42', 'candidateId'],
        ['roundId=x', 'roundId'],
        ['sort=amount', 'sort'],
      ]) {
        const res = await stack.http.get(`/finance/tasks?${query}`, auditor);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual([field]);
      }
    });

    it('lets finance, the auditor, the programme office and admin read it, and no one else', async () => {
      for (const as of [clerk('any'), auditor, office, token('admin')]) expect((await stack.http.get(`/finance/tasks?candidateId=${a.id}`, as)).status).toBe(200);
      for (const role of ['nominator', 'expert', 'street_union', 'leadership', 'government', 'inspector'] as const) {
        expect((await stack.http.get(`/finance/tasks?candidateId=${a.id}`, token(role))).status).toBe(403);
      }
      expect((await stack.http.get(`/finance/tasks?candidateId=${a.id}`)).status).toBe(401);
    });
  });

  describe('four eyes', () => {
    it('has one clerk approve and another record the payment, each step with who and when', async () => {
      const { id } = await bonusOf();
      const approved = await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
      expect(approved).toMatchObject({ status: 200, body: { id, status: 'approved', approvedBy: `fin-checker-${tag}`, approvedAt: expect.any(String) } });

      const own = await stack.http.post(`/finance/tasks/${id}/confirm`, payment(), checker);
      expect(own.status).toBe(403);
      expect(own.body.message).toMatch(/four eyes/);
      expect((await get(id)).body.status).toBe('approved');

      const paid = await stack.http.post(`/finance/tasks/${id}/confirm`, payment('BANK-0001'), payer);
      expect(paid).toMatchObject({
        status: 200,
        body: { status: 'paid', reference: 'BANK-0001', paidOn: today(), paidBy: `fin-payer-${tag}`, approvedBy: `fin-checker-${tag}` },
      });
      const seen = await get(id);
      expect(seen.body.history.map((e: { step: string; by: string }) => [e.step, e.by])).toEqual([
        ['created', 'payment-schedule'],
        ['approved', `fin-checker-${tag}`],
        ['paid', `fin-payer-${tag}`],
      ]);
      expect(seen.body.history[2]).toMatchObject({ at: expect.any(String), detail: { reference: 'BANK-0001', paidOn: today() } });
    });

    it('refuses to pay what nobody approved, and to approve what is paid (409 with the reason)', async () => {
      const { id } = await bonusOf();
      const early = await stack.http.post(`/finance/tasks/${id}/confirm`, payment(), payer);
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/not approved yet/);
      await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
      const other = await stack.http.post(`/finance/tasks/${id}/approve`, {}, clerk('second-checker'));
      expect(other.status).toBe(409);
      expect(other.body.message).toMatch(new RegExp(`already approved by fin-checker-${tag}`));
      await stack.http.post(`/finance/tasks/${id}/confirm`, payment('BANK-0002'), payer);
      const late = await stack.http.post(`/finance/tasks/${id}/approve`, {}, clerk('late'));
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/already paid \(reference 'BANK-0002'/);
      const twice = await stack.http.post(`/finance/tasks/${id}/confirm`, payment('BANK-0003'), clerk('other-payer'));
      expect(twice.status).toBe(409);
      expect(twice.body.message).toMatch(/already paid/);
      expect((await get(id)).body).toMatchObject({ status: 'paid', reference: 'BANK-0002' });
    });

    it('answers a repeated step exactly as the first time and changes nothing', async () => {
      const { id } = await bonusOf();
      const approved = await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
      expect(await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker)).toEqual(approved);
      const pay = payment();
      const paid = await stack.http.post(`/finance/tasks/${id}/confirm`, pay, payer);
      expect(await stack.http.post(`/finance/tasks/${id}/confirm`, pay, payer)).toEqual(paid);
      expect(await stack.http.post(`/finance/tasks/${id}/confirm`, { ...pay, reference: `  ${pay.reference} ` }, payer)).toEqual(paid);

      const failing = (await bonusOf()).id;
      await stack.http.post(`/finance/tasks/${failing}/approve`, {}, checker);
      const failed = await stack.http.post(`/finance/tasks/${failing}/failure`, { reason: '户名不符' }, payer);
      expect(await stack.http.post(`/finance/tasks/${failing}/failure`, { reason: '户名不符' }, payer)).toEqual(failed);
      const reissued = await stack.http.post(`/finance/tasks/${failing}/reissue`, { reason: '已更正户名' }, payer);
      expect(await stack.http.post(`/finance/tasks/${failing}/reissue`, { reason: '已更正户名' }, payer)).toEqual(reissued);
      const steps = (await get(failing)).body.history.map((e: { step: string }) => e.step);
      expect(steps).toEqual(['created', 'approved', 'failed', 'reissued']);
    });

    it('records a payment the bank returned, and issues it again as attempt 2 of the same instalment', async () => {
      const { master, id } = await bonusOf();
      expect((await stack.http.post(`/finance/tasks/${id}/failure`, { reason: '账户已销户' }, payer)).status).toBe(409); // not sent yet
      await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
      expect((await stack.http.post(`/finance/tasks/${id}/reissue`, { reason: 'x' }, payer)).status).toBe(409); // has not failed
      const failed = await stack.http.post(`/finance/tasks/${id}/failure`, { reason: '账户已销户' }, payer);
      expect(failed).toMatchObject({ status: 200, body: { status: 'failed', failureReason: '账户已销户', failedBy: `fin-payer-${tag}` } });
      expect((await stack.http.post(`/finance/tasks/${id}/failure`, { reason: '另一原因' }, payer)).status).toBe(409);

      const next = await stack.http.post(`/finance/tasks/${id}/reissue`, { reason: '已登记新账户' }, payer);
      expect(next).toMatchObject({ status: 200, body: { attempt: 2, status: 'due', kind: 'bonus', instalment: 0, amountFen: 2_000_000, approvedBy: null } });
      expect(next.body.id).not.toBe(id);
      expect((await get(id)).body).toMatchObject({ status: 'reissued', reissueReason: '已登记新账户', failureReason: '账户已销户' });
      // The new attempt needs its own four eyes; the old one can never be paid.
      expect((await stack.http.post(`/finance/tasks/${next.body.id}/confirm`, payment(), payer)).status).toBe(409);
      await stack.http.post(`/finance/tasks/${next.body.id}/approve`, {}, payer);
      expect((await stack.http.post(`/finance/tasks/${next.body.id}/confirm`, payment(), payer)).status).toBe(403);
      expect((await stack.http.post(`/finance/tasks/${next.body.id}/confirm`, payment('BANK-R2'), checker)).status).toBe(200);
      expect((await stack.http.post(`/finance/tasks/${id}/confirm`, payment('BANK-R1'), checker)).status).toBe(409);

      const all = (await stack.http.get(`/finance/tasks?candidateId=${master.id}`, auditor)).body;
      expect(all.items.map((t: { attempt: number; status: string }) => [t.attempt, t.status])).toEqual([
        [1, 'reissued'],
        [2, 'paid'],
      ]);
      expect((await stack.http.get(`/finance/tasks?candidateId=${master.id}&status=open`, auditor)).body.totals).toEqual({ count: 0, amountFen: 0 });
    });

    it('refuses a reference of spaces, a date that is not real or not yet come, and a blank reason (400 naming the field), writing nothing', async () => {
      const { id } = await bonusOf();
      await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
      for (const [body, field] of [
        [{ reference: '   ', paidOn: today() }, 'reference'],
        [{ reference: '\t ', paidOn: today() }, 'reference'],
        [{ paidOn: today() }, 'reference'],
        [{ reference: 'BANK-1' }, 'paidOn'],
        [{ reference: 'BANK-1', paidOn: '2017-02-30' }, 'paidOn'],
        [{ reference: 'BANK-1', paidOn: '2999-01-01' }, 'paidOn'],
        [{ reference: 'BANK-1', paidOn: today(), amountFen: 1 }, 'amountFen'],
      ] as const) {
        const res = await stack.http.post(`/finance/tasks/${id}/confirm`, body, payer);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual([field]);
      }
      for (const step of ['failure', 'reissue']) {
        const res = await stack.http.post(`/finance/tasks/${id}/${step}`, { reason: '  ' }, payer);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['reason']);
      }
      expect((await get(id)).body).toMatchObject({ status: 'approved', reference: null, paidBy: null });
    });

    it('lets only finance act (403), and answers 404 for an instruction that does not exist', async () => {
      const { id } = await bonusOf();
      const steps: Array<[string, unknown]> = [
        [`/finance/tasks/${id}/approve`, {}],
        ['/finance/tasks/approve', { ids: [id] }],
        [`/finance/tasks/${id}/confirm`, payment()],
        [`/finance/tasks/${id}/failure`, { reason: 'x' }],
        [`/finance/tasks/${id}/reissue`, { reason: 'x' }],
      ];
      for (const [path, body] of steps) {
        for (const as of [office, auditor, token('admin'), token('nominator')]) expect((await stack.http.post(path, body, as)).status).toBe(403);
      }
      expect((await get(id)).body.status).toBe('due');
      const unknown = randomUUID();
      for (const [path, body] of steps.map(([p, b]) => [p.replace(id, unknown), b] as const)) {
        const res = await stack.http.post(path, path.endsWith('/tasks/approve') ? { ids: [unknown] } : body, clerk('nobody'));
        expect(res.status).toBe(404);
        expect(res.body.message).toContain(unknown);
      }
      expect((await stack.http.get(`/finance/tasks/${unknown}`, auditor)).status).toBe(404);
      expect((await stack.http.post('/finance/tasks/not-a-uuid/approve', {}, checker)).status).toBe(400);
    });

    it('pays once when two clerks confirm at the same moment with different references: one wins, the other gets 409', async () => {
      for (let round = 0; round < 5; round++) {
        const { id } = await bonusOf();
        await stack.http.post(`/finance/tasks/${id}/approve`, {}, checker);
        const replies = await Promise.all([
          stack.http.post(`/finance/tasks/${id}/confirm`, payment(`BANK-X-${round}`), clerk('x')),
          stack.http.post(`/finance/tasks/${id}/confirm`, payment(`BANK-Y-${round}`), clerk('y')),
        ]);
        expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = replies.find((r) => r.status === 200)!;
        expect(replies.find((r) => r.status === 409)!.body.message).toMatch(new RegExp(`already paid \\(reference '${winner.body.reference}'`));
        const seen = (await get(id)).body;
        expect(seen).toMatchObject({ status: 'paid', reference: winner.body.reference, paidBy: winner.body.paidBy });
        expect(seen.history.filter((e: { step: string }) => e.step === 'paid')).toHaveLength(1);
      }
    });
  });

  describe('batch approval', () => {
    it('approves every instruction named, and answers the same batch again the same way', async () => {
      const ids = [(await bonusOf()).id, (await bonusOf()).id, (await bonusOf()).id];
      const res = await stack.http.post('/finance/tasks/approve', { ids }, checker);
      expect(res.status).toBe(200);
      expect(res.body.items.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual(ids.map((id) => [id, 'approved']));
      expect(await stack.http.post('/finance/tasks/approve', { ids }, checker)).toEqual(res);
    });

    it('approves none when one cannot be approved, and names it', async () => {
      const ids = [(await bonusOf()).id, (await bonusOf()).id, (await bonusOf()).id];
      await stack.http.post(`/finance/tasks/${ids[1]}/approve`, {}, checker);
      await stack.http.post(`/finance/tasks/${ids[1]}/confirm`, payment(), payer);
      const paid = await stack.http.post('/finance/tasks/approve', { ids }, checker);
      expect(paid.status).toBe(409);
      expect(paid.body.message).toContain(ids[1]);
      const unknown = randomUUID();
      const missing = await stack.http.post('/finance/tasks/approve', { ids: [ids[0], unknown] }, checker);
      expect(missing.status).toBe(404);
      expect(missing.body.message).toContain(unknown);
      for (const id of [ids[0], ids[2]]) expect((await get(id)).body).toMatchObject({ status: 'due', approvedBy: null });
    });

    it('refuses a malformed batch with a 400 naming ids', async () => {
      const { id } = await bonusOf();
      for (const body of [{ ids: [] }, { ids: [id, id] }, { ids: ['x'] }, { ids: id }, {}]) {
        const res = await stack.http.post('/finance/tasks/approve', body, checker);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['ids']);
      }
    });
  });
});
