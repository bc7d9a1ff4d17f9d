import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { client, nomination, startApi, startWorker, token, VISIT } from '../support/service';
import { approve, closeRounds, createRound, decide, idNumber, mobileNumber, openDb, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

type Body = Record<string, any>;

/**
 * Inspection batches (人选考察) through HTTP: listed per round and paged, newest first; a candidate
 * closed or past inspection is refused; one in another batch moves only when asked, and every
 * move is kept with who made it and when.
 */
describe('inspection batches (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-batches-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  let otherRound: TestRound;
  const officeSub = 'office-batches';
  const office = token('union_office', officeSub);
  const inspectorSub = 'inspector-batches';
  const inspector = token('inspector', inspectorSub);
  const auditor = token('auditor', 'auditor-batches');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    round = await createRound(http);
    otherRound = await createRound(http);
  });
  afterAll(async () => {
    await closeRounds(
      db,
      [round, otherRound].filter(Boolean).map((r) => r.roundId),
    );
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  /** A nomination in this file's round, at qualification; returns its id, name and the nominator's token. */
  async function nominate(name: string, roundId = round.roundId) {
    const asNominator = token('nominator');
    const res = await http.post('/nominations', nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId, channel: 'association', name }), asNominator);
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.candidateId as string, name, asNominator };
  }
  /** A candidate at inspection, ready to be visited. */
  async function atInspection(name: string) {
    const c = await nominate(name);
    await approve(http, c.id, 'qualification');
    return c;
  }
  const batch = (candidateIds: string[], extra: Record<string, unknown> = {}, as = office) =>
    http.post('/inspection-batches', { name: `考察批次${randomUUID().slice(0, 4)}`, plannedOn: '2031-04-18', members: ['李考察', '陈考察'], candidateIds, ...extra }, as);
  const batchOf = async (candidateId: string) => (await http.get(`/candidates/${candidateId}`, office)).body.inspectionBatchId as string | null;
  const listed = (query: string, as = office) => http.get(`/inspection-batches${query}`, as);

  describe('listing', () => {
    it('lists a round’s batches newest first with their candidate counts, paged', async () => {
      const r = await createRound(http);
      try {
        const [one, two, three] = [await nominate('甲一', r.roundId), await nominate('甲二', r.roundId), await nominate('甲三', r.roundId)];
        const first = await batch([one.id], { name: '第一批' });
        const second = await batch([two.id, three.id], { name: '第二批' });
        const third = await batch([three.id], { name: '第三批', move: true });
        for (const res of [first, second, third]) expect(res.status).toBe(201);

        const all = await listed(`?roundId=${r.roundId}`);
        expect(all.status).toBe(200);
        expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
        expect(all.body.items.map((b: Body) => [b.name, b.candidateCount])).toEqual([
          ['第三批', 1],
          ['第二批', 1],
          ['第一批', 1],
        ]);
        expect(all.body.items[0]).toMatchObject({ id: third.body.id, roundId: r.roundId, plannedOn: '2031-04-18', members: ['李考察', '陈考察'], createdBy: officeSub });

        const page1 = await listed(`?roundId=${r.roundId}&pageSize=2`);
        const page2 = await listed(`?roundId=${r.roundId}&pageSize=2&page=2`);
        expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
        expect(page1.body.items.map((b: Body) => b.name)).toEqual(['第三批', '第二批']);
        expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
        expect(page2.body.items.map((b: Body) => b.name)).toEqual(['第一批']);
        expect((await listed(`?roundId=${r.roundId}&pageSize=2&page=3`)).body).toMatchObject({ total: 3, items: [] });

        // Without a filter, every round's batches, ours among them.
        const everything = await listed('?pageSize=100');
        expect(everything.body.total).toBeGreaterThanOrEqual(3);
        expect(everything.body.items.map((b: Body) => b.id)).toEqual(expect.arrayContaining([first.body.id, second.body.id, third.body.id]));

        // Inspectors, auditors and admins read the list; no one else.
        for (const as of [inspector, auditor, token('admin')]) expect((await listed(`?roundId=${r.roundId}`, as)).status).toBe(200);
        for (const role of ['nominator', 'expert', 'finance'] as const) expect((await listed('', token(role))).status).toBe(403);
      } finally {
        await closeRounds(db, [r.roundId]);
      }
    });

    it('refuses a malformed filter (400 naming the field)', async () => {
      const cases: Array<[string, string]> = [
        ['?pageSize=0', 'pageSize'],
        ['?pageSize=101', 'pageSize'],
        ['?page=0', 'page'],
        ['?page=two', 'page'],
        ['?roundId=round-2017', 'roundId'],
        ['?status=open', 'status'],
      ];
      for (const [query, field] of cases) {
        const res = await listed(query);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
    });
  });

  describe('who can be put in a batch', () => {
    it('refuses (409) candidates rejected, withdrawn, disqualified or past inspection, naming each and why; nothing is grouped', async () => {
      const ok = await atInspection('乙可考察');
      const rejected = await nominate('乙已否决');
      expect((await decide(http, rejected.id, 'qualification', { outcome: 'reject', reason: '不符合条件' }, office)).status).toBe(200);
      const withdrawn = await atInspection('乙已撤回');
      expect((await http.post(`/candidates/${withdrawn.id}/withdrawal`, { reason: '本人放弃' }, withdrawn.asNominator)).status).toBe(200);
      const disqualified = await atInspection('乙已取消');
      expect((await http.post(`/candidates/${disqualified.id}/disqualification`, { reason: '材料不实' }, office)).status).toBe(200);
      const past = await atInspection('乙已考察');
      await approve(http, past.id, 'inspection', { visit: VISIT });

      const res = await batch([ok.id, rejected.id, withdrawn.id, disqualified.id, past.id]);
      expect(res.status).toBe(409);
      expect(res.body.candidates).toEqual([
        { candidateId: rejected.id, name: '乙已否决', reason: 'the candidacy is rejected' },
        { candidateId: withdrawn.id, name: '乙已撤回', reason: 'the candidacy is withdrawn' },
        { candidateId: disqualified.id, name: '乙已取消', reason: 'the candidacy is disqualified' },
        { candidateId: past.id, name: '乙已考察', reason: "it is already past inspection (at 'expert_review')" },
      ]);
      expect(res.body.message).toContain(`candidate ${rejected.id} (乙已否决): the candidacy is rejected`);
      expect(res.body.message).toContain('nothing was grouped');
      expect(await batchOf(ok.id)).toBeNull();

      // One at a time, each is refused for its own reason.
      for (const c of [rejected, withdrawn, disqualified, past]) {
        const alone = await batch([c.id], {}, inspector);
        expect(alone.status).toBe(409);
        expect(alone.body.candidates.map((x: Body) => x.candidateId)).toEqual([c.id]);
      }
      // The one still at inspection can be.
      expect((await batch([ok.id])).status).toBe(201);
    });

    it('refuses (400) an unknown candidate, one listed twice, an unknown round, a candidate of another round, and rounds mixed, naming each', async () => {
      const here = await nominate('丙本轮');
      const there = await nominate('丙他轮', otherRound.roundId);
      const ghost = randomUUID();

      const unknown = await batch([here.id, ghost]);
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([{ field: 'candidateIds.1', reason: `no such candidate: ${ghost}` }]);

      const twice = await batch([here.id, here.id]);
      expect(twice.status).toBe(400);
      expect(twice.body.fields).toEqual([{ field: 'candidateIds.1', reason: `candidate ${here.id} is listed twice` }]);

      const noRound = await batch([here.id], { roundId: randomUUID() });
      expect(noRound.status).toBe(400);
      expect(noRound.body.fields.map((f: Body) => f.field)).toEqual(['roundId', 'candidateIds.0']);

      const wrongRound = await batch([here.id, there.id], { roundId: round.roundId });
      expect(wrongRound.status).toBe(400);
      expect(wrongRound.body.fields).toEqual([
        { field: 'candidateIds.1', reason: `candidate ${there.id} (丙他轮) is in round ${otherRound.roundId}, not ${round.roundId}` },
      ]);

      const mixed = await batch([here.id, there.id]);
      expect(mixed.status).toBe(400);
      expect(mixed.body.fields).toEqual([{ field: 'candidateIds', reason: expect.stringContaining('different rounds') }]);

      const notBoolean = await batch([here.id], { move: 'yes' });
      expect(notBoolean.status).toBe(400);
      expect(notBoolean.body.fields).toEqual([{ field: 'move', reason: 'move must be true or false' }]);

      for (const c of [here, there]) expect(await batchOf(c.id)).toBeNull();
      // Without a roundId, the batch takes its candidates' round.
      const inferred = await batch([there.id]);
      expect(inferred).toMatchObject({ status: 201, body: { roundId: otherRound.roundId } });
    });

    it('refuses a nominator (403)', async () => {
      const c = await nominate('丁');
      expect((await batch([c.id], {}, c.asNominator)).status).toBe(403);
    });
  });

  describe('moving between batches', () => {
    it('refuses (409) a candidate already in another batch unless move: true, then says who moved from where and keeps the history', async () => {
      const [x, y, z] = [await atInspection('戊甲'), await atInspection('戊乙'), await atInspection('戊丙')];
      const a = await batch([x.id, y.id], { name: '第一批（眼镜）' });
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({ name: '第一批（眼镜）', candidateCount: 2, moved: [] });
      const batchA = a.body.id as string;

      const silent = await batch([y.id, z.id], { name: '第二批（锁具）' }, inspector);
      expect(silent.status).toBe(409);
      expect(silent.body.candidates).toEqual([
        { candidateId: y.id, name: '戊乙', reason: `it is already in inspection batch ${batchA} ("第一批（眼镜）"); send move: true to move it` },
      ]);
      // Nothing changed: y is still in the first batch, z in none, and no second batch exists.
      expect(await batchOf(y.id)).toBe(batchA);
      expect(await batchOf(z.id)).toBeNull();
      expect((await listed(`?roundId=${round.roundId}&pageSize=100`)).body.items.some((b: Body) => b.name === '第二批（锁具）')).toBe(false);

      const moved = await batch([y.id, z.id], { name: '第二批（锁具）', move: true }, inspector);
      expect(moved.status).toBe(201);
      const batchB = moved.body.id as string;
      expect(moved.body.moved).toEqual([{ candidateId: y.id, name: '戊乙', fromBatchId: batchA, fromBatchName: '第一批（眼镜）' }]);
      expect(moved.body.candidates.map((c: Body) => c.candidateId).sort()).toEqual([y.id, z.id].sort());
      expect(await batchOf(y.id)).toBe(batchB);

      // The first batch now holds x alone; its history shows y put in, then moved out, by whom.
      const first = await http.get(`/inspection-batches/${batchA}`, auditor);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ candidateCount: 1, candidates: [expect.objectContaining({ candidateId: x.id })] });
      expect(first.body.history).toEqual([
        expect.objectContaining({ candidateId: expect.any(String), fromBatchId: null, toBatchId: batchA, movedBy: officeSub, role: 'union_office' }),
        expect.objectContaining({ candidateId: expect.any(String), fromBatchId: null, toBatchId: batchA, movedBy: officeSub, role: 'union_office' }),
        expect.objectContaining({
          candidateId: y.id,
          name: '戊乙',
          fromBatchId: batchA,
          toBatchId: batchB,
          movedBy: inspectorSub,
          role: 'inspector',
          at: expect.any(String),
        }),
      ]);
      expect(
        first.body.history
          .slice(0, 2)
          .map((m: Body) => m.candidateId)
          .sort(),
      ).toEqual([x.id, y.id].sort());
      const second = await http.get(`/inspection-batches/${batchB}`, auditor);
      expect(second.body.history.map((m: Body) => [m.candidateId, m.fromBatchId])).toEqual(
        expect.arrayContaining([
          [y.id, batchA],
          [z.id, null],
        ]),
      );
      expect(Date.parse(first.body.history[2].at)).toBeGreaterThanOrEqual(Date.parse(first.body.history[0].at));

      // The list counts each candidate once, in the batch it is in now.
      const counts = Object.fromEntries((await listed(`?roundId=${round.roundId}&pageSize=100`)).body.items.map((b: Body) => [b.id, b.candidateCount]));
      expect([counts[batchA], counts[batchB]]).toEqual([1, 2]);
    });
  });
});
