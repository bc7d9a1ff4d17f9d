import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/common/temporal.module';
import { RoundsService } from '../../apps/api/src/rounds/rounds.service';
import { dataSourceOptions } from '../../libs/db';
import { AREAS } from '../../libs/domain';
import { client, startApi, token } from '../support/service';

jest.setTimeout(120_000);

/**
 * The database is shared by every integration file and never reset, and there is one round per
 * year: each test creates its own rounds in years 2030-2099 picked at random, trying another year if
 * one is taken.
 */
describe('annual rounds (real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let rounds: RoundsService;
  const office = token('union_office', 'office-rounds');
  const insertedCandidates: string[] = [];
  const createdRounds: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    http = client(api.url);
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
    rounds = api.app.get(RoundsService);
  });
  afterAll(async () => {
    // What this file made up goes, so that reruns on a kept database find free years; a round
    // something else has come to refer to stays.
    if (db && insertedCandidates.length) {
      await db.query('DELETE FROM candidate_status WHERE candidate_id = ANY($1)', [insertedCandidates]);
      await db.query('DELETE FROM candidates WHERE id = ANY($1)', [insertedCandidates]);
    }
    if (db && createdRounds.length) {
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [deleted]: [Array<{ workflow_id: string }>, number] = await db.query(
        `DELETE FROM rounds r WHERE r.id = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.round_id = r.id)
           AND NOT EXISTS (SELECT 1 FROM inspection_batches b WHERE b.round_id = r.id)
         RETURNING r.workflow_id`,
        [createdRounds],
      );
      // Their workflows go too: a `round-<year>` still running would keep the year from every later suite.
      const temporal = api.app.get<Client>(TEMPORAL_CLIENT);
      await Promise.all(
        deleted.map((r) =>
          temporal.workflow
            .getHandle(r.workflow_id)
            .terminate('test clean-up')
            .catch(() => undefined),
        ),
      );
    }
    await db?.destroy();
    await api?.close();
  });

  const used = new Set<number>();
  const randomYear = () => {
    for (;;) {
      const y = 2030 + Math.floor(Math.random() * 70);
      if (!used.has(y)) return (used.add(y), y);
    }
  };
  /** Local (UTC+8) midnight of a date in year y, as an ISO instant with offset. */
  const local = (y: number, mmdd: string, time = '00:00:00') => `${y}-${mmdd}T${time}+08:00`;
  const windowsFor = (y: number) => ({
    nominationOpensAt: local(y, '04-06'),
    nominationClosesAt: local(y, '04-16'),
    reviewClosesAt: local(y, '04-26'),
  });

  /** Creates a round in a free year (windows in April of that year unless given); returns its id and year. */
  async function createRound(body: (year: number) => Record<string, unknown> = (y) => ({ year: y, quota: 30, ...windowsFor(y) }), as = office) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const year = randomYear();
      const res = await http.post('/rounds', body(year), as);
      if (res.status === 201) {
        createdRounds.push(res.body.roundId);
        return { roundId: res.body.roundId as string, year };
      }
      if (res.status !== 409) throw new Error(`POST /rounds answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    throw new Error('no free year found for a round');
  }

  let seq = 0;
  async function insertCandidate(roundId: string, fields: { channel: string; industry?: string; area?: string | null; name?: string; employer?: string }) {
    const id = randomUUID();
    seq++;
    await db.query(
      `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry,
                               trade, years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version, area)
       VALUES ($1, $2, $3, $4, 'x', $5, 'x', $6, $7, '眼镜装配', 10, 'technician', 'it-rounds', 'nominator', $8, 1, $9)`,
      [
        id,
        roundId,
        fields.channel,
        fields.name ?? `候选人${seq}`,
        `it-rounds-${id}`,
        fields.employer ?? '温州瓯海眼镜有限公司',
        fields.industry ?? 'eyewear',
        `it-rounds-${id}`,
        fields.area ?? null,
      ],
    );
    insertedCandidates.push(id);
    return id;
  }
  async function insertStatus(candidateId: string, scoreCenti: number | null, stage = 'voting', status = 'awaiting_decision') {
    await db.query(`INSERT INTO candidate_status (candidate_id, stage, status, score_centi, panel, seq, updated_at) VALUES ($1, $2, $3, $4, '[]', 1, now())`, [
      candidateId,
      stage,
      status,
      scoreCenti,
    ]);
  }

  describe('POST /rounds', () => {
    it('creates a round (201 {roundId}) recording who created it, and reads it back with ISO instants', async () => {
      const creator = `office-${randomUUID().slice(0, 8)}`;
      let year: number;
      let res;
      do {
        year = randomYear();
        res = await http.post('/rounds', { year, quota: 35, ...windowsFor(year) }, token('union_office', creator));
      } while (res.status === 409);
      expect(res.status).toBe(201);
      createdRounds.push(res.body.roundId);
      expect(Object.keys(res.body)).toEqual(['roundId']);
      expect(res.body.roundId).toMatch(/^[0-9a-f-]{36}$/);

      const got = await http.get(`/rounds/${res.body.roundId}`, office);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({
        id: res.body.roundId,
        year,
        quota: 35,
        nominationOpensAt: `${year}-04-05T16:00:00.000Z`,
        nominationClosesAt: `${year}-04-15T16:00:00.000Z`,
        reviewClosesAt: `${year}-04-25T16:00:00.000Z`,
        phase: 'upcoming',
        createdBy: creator,
      });
      const row = (await db.query('SELECT created_by FROM rounds WHERE id = $1', [res.body.roundId]))[0];
      expect(row.created_by).toBe(creator);
    });

    it('lets admin create one too', async () => {
      const { roundId, year } = await createRound(undefined, token('admin', 'admin-rounds'));
      expect((await http.get(`/rounds/${roundId}`, office)).body).toMatchObject({ year, createdBy: 'admin-rounds' });
    });

    it('answers 409 naming the year to a second round for the same year, and writes nothing', async () => {
      const { year } = await createRound();
      const res = await http.post('/rounds', { year, quota: 10, ...windowsFor(year) }, office);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain(String(year));
      expect(Number((await db.query('SELECT count(*) AS n FROM rounds WHERE year = $1', [year]))[0].n)).toBe(1);
    });

    it('answers 400 listing each bad field and why', async () => {
      const y = 2099;
      const good = { year: y, quota: 30, ...windowsFor(y) };
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ ...good, year: 1999 }, 'year', /between 2000 and 2100/],
        [{ ...good, year: 2101 }, 'year', /between 2000 and 2100/],
        [{ ...good, year: 2030.5 }, 'year', /whole number/],
        [{ ...good, year: '2030' }, 'year', /whole number/],
        [{ ...good, year: undefined }, 'year', /whole number/],
        [{ ...good, quota: 0 }, 'quota', /positive/],
        [{ ...good, quota: -5 }, 'quota', /positive/],
        [{ ...good, quota: 1.5 }, 'quota', /whole number/],
        [{ ...good, nominationOpensAt: `${y}-04-06` }, 'nominationOpensAt', /with an offset/],
        [{ ...good, nominationOpensAt: `${y}-04-06T00:00:00` }, 'nominationOpensAt', /with an offset/],
        [{ ...good, nominationClosesAt: `${y}-04-31T00:00:00+08:00` }, 'nominationClosesAt', /does not exist/],
        [{ ...good, reviewClosesAt: 20300426 }, 'reviewClosesAt', /must be a string/],
        [{ ...good, reviewClosesAt: undefined }, 'reviewClosesAt', /must be a string/],
        [{ ...good, nominationClosesAt: local(y, '04-06') }, 'nominationClosesAt', /after nominationOpensAt/],
        [{ ...good, nominationClosesAt: local(y, '04-01') }, 'nominationClosesAt', /after nominationOpensAt/],
        [{ ...good, reviewClosesAt: local(y, '04-16') }, 'reviewClosesAt', /after nominationClosesAt/],
        [{ ...good, reviewClosesAt: local(y, '04-10') }, 'reviewClosesAt', /after nominationClosesAt/],
        [{ ...good, phase: 'nominating' }, 'phase', /should not exist/],
      ];
      for (const [body, field, why] of cases) {
        const res = await http.post('/rounds', body, office);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error).toBe('Bad Request');
        const fields = Object.fromEntries(res.body.fields.map((f: { field: string; reason: string }) => [f.field, f.reason]));
        expect({ body, reason: fields[field] }).toEqual({ body, reason: expect.stringMatching(why) });
        expect(res.body.message).toContain(field);
      }
    });

    it('lists every broken rule at once: both window orders, and several bad fields together', async () => {
      const y = 2099;
      const crossed = await http.post(
        '/rounds',
        { year: y, quota: 30, nominationOpensAt: local(y, '04-16'), nominationClosesAt: local(y, '04-06'), reviewClosesAt: local(y, '04-01') },
        office,
      );
      expect(crossed.status).toBe(400);
      expect(crossed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['nominationClosesAt', 'reviewClosesAt']);

      const many = await http.post(
        '/rounds',
        { year: 1900, quota: 0, nominationOpensAt: 'soon', nominationClosesAt: local(y, '04-16'), reviewClosesAt: local(y, '04-26') },
        office,
      );
      expect(many.status).toBe(400);
      expect(many.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['nominationOpensAt', 'quota', 'year']);
    });

    it('answers 401 without a valid token and 403 to roles other than union_office and admin', async () => {
      const y = randomYear();
      const body = { year: y, quota: 30, ...windowsFor(y) };
      // Another file may hold a round for the same year in the shared database: count only what this test could have written.
      const since = (await db.query('SELECT now() AS t'))[0].t as Date;
      expect((await http.post('/rounds', body)).status).toBe(401);
      expect((await http.post('/rounds', body, 'not-a-token')).status).toBe(401);
      for (const role of ['nominator', 'street_union', 'leadership', 'finance', 'auditor'] as const) {
        const res = await http.post('/rounds', body, token(role));
        expect({ role, status: res.status }).toEqual({ role, status: 403 });
      }
      expect(Number((await db.query('SELECT count(*) AS n FROM rounds WHERE year = $1 AND created_at >= $2', [y, since]))[0].n)).toBe(0);
      expect((await http.get('/rounds')).status).toBe(401);
    });
  });

  describe('GET /rounds', () => {
    it('gives each round its phase against now: upcoming, nominating, reviewing; past its windows a round waits for its re-review list', async () => {
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const day = 86_400_000;
      const upcoming = await createRound();
      const closed = await createRound((year) => ({
        year,
        quota: 5,
        nominationOpensAt: iso(now - 30 * day),
        nominationClosesAt: iso(now - 20 * day),
        reviewClosesAt: iso(now - 10 * day),
      }));
      const reviewing = await createRound((year) => ({
        year,
        quota: 5,
        nominationOpensAt: iso(now - 3 * day),
        nominationClosesAt: iso(now - day),
        reviewClosesAt: iso(now + day),
      }));
      // Open for nominations only for a moment, so that no later test file finds this round open.
      const closesAt = Date.now() + 2_500;
      const nominating = await createRound((year) => ({
        year,
        quota: 5,
        nominationOpensAt: iso(now - day),
        nominationClosesAt: iso(closesAt),
        reviewClosesAt: iso(now + day),
      }));

      const list = await http.get('/rounds', token('auditor'));
      expect(list.status).toBe(200);
      const phaseOf = (id: string) => list.body.find((r: { id: string }) => r.id === id)?.phase;
      expect(phaseOf(upcoming.roundId)).toBe('upcoming');
      // A round that runs as a workflow stays in review until the office freezes the re-review list.
      expect(phaseOf(closed.roundId)).toBe('reviewing');
      expect(phaseOf(reviewing.roundId)).toBe('reviewing');
      expect(phaseOf(nominating.roundId)).toBe('nominating');
      const years = list.body.map((r: { year: number }) => r.year);
      expect(years).toEqual([...years].sort((a, b) => b - a));

      await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now()) + 100));
      const later = await http.get(`/rounds/${nominating.roundId}`, token('nominator'));
      expect(later.status).toBe(200);
      expect(later.body.phase).toBe('reviewing');
    });

    it('admits every staff role and nominators; 404 for an unknown round, 400 for a malformed id', async () => {
      const { roundId } = await createRound();
      for (const role of ['union_office', 'street_union', 'inspector', 'expert', 'leadership', 'government', 'finance', 'auditor', 'admin', 'nominator'] as const) {
        expect({ role, list: (await http.get('/rounds', token(role))).status, one: (await http.get(`/rounds/${roundId}`, token(role))).status }).toEqual({
          role,
          list: 200,
          one: 200,
        });
      }
      const missing = randomUUID();
      const res = await http.get(`/rounds/${missing}`, office);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`round ${missing} not found`);
      expect((await http.get('/rounds/not-a-uuid', office)).status).toBe(400);
      expect((await http.get(`/rounds/${roundId}`)).status).toBe(401);
    });
  });

  describe('RoundsService.resolveForNomination', () => {
    it('returns the round named when its window contains now', async () => {
      const { roundId, year } = await createRound();
      const round = await rounds.resolveForNomination(roundId, new Date(local(year, '04-10', '09:00:00')));
      expect(round.id).toBe(roundId);
      expect(round.year).toBe(year);
      // The window includes its first instant.
      expect((await rounds.resolveForNomination(roundId, new Date(local(year, '04-06')))).id).toBe(roundId);
    });

    it('refuses (409) a round named outside its window, giving the window in Asia/Shanghai time', async () => {
      const { roundId, year } = await createRound();
      const window = `nominations for the ${year} round are accepted from ${year}-04-06 00:00 to ${year}-04-15 24:00 (Asia/Shanghai)`;
      const after = rounds.resolveForNomination(roundId, new Date(local(year, '04-16', '09:30:00')));
      await expect(after).rejects.toMatchObject({ status: 409, message: `${window}; it is now ${year}-04-16 09:30` });
      const before = rounds.resolveForNomination(roundId, new Date(`${year}-04-05T15:59:00Z`));
      await expect(before).rejects.toMatchObject({ status: 409, message: `${window}; it is now ${year}-04-05 23:59` });
    });

    it('answers 404 for a round that does not exist', async () => {
      const missing = randomUUID();
      await expect(rounds.resolveForNomination(missing, new Date())).rejects.toMatchObject({ status: 404, message: `round ${missing} not found` });
      await expect(rounds.resolveForNomination('not-a-uuid', new Date())).rejects.toMatchObject({ status: 404 });
    });

    it('without a round named, finds the one whose window contains now', async () => {
      const { roundId, year } = await createRound();
      const round = await rounds.resolveForNomination(undefined, new Date(local(year, '04-15', '23:59:00')));
      expect(round.id).toBe(roundId);
    });

    it('without a round named, refuses (409) to choose between overlapping windows', async () => {
      const first = await createRound();
      // A second round (another year) whose nomination window overlaps the first one's.
      const second = await createRound((y) => ({ year: y, quota: 5, ...windowsFor(first.year) }));
      const err = rounds.resolveForNomination(undefined, new Date(local(first.year, '04-10')));
      await expect(err).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/2 rounds are open for nominations .*roundId/) });
      await expect(err).rejects.toMatchObject({ message: expect.stringContaining(String(Math.min(first.year, second.year))) });
      expect((await rounds.resolveForNomination(second.roundId, new Date(local(first.year, '04-10')))).id).toBe(second.roundId);
    });

    it('without a round named and none open, refuses (409) naming the next window', async () => {
      const { year } = await createRound();
      const err = rounds.resolveForNomination(undefined, new Date(local(year, '04-05', '23:58:00')));
      await expect(err).rejects.toMatchObject({
        status: 409,
        message: `no round is open for nominations at ${year}-04-05 23:58 (Asia/Shanghai); the next window is the ${year} round's, from ${year}-04-06 00:00 to ${year}-04-15 24:00`,
      });
    });
  });

  describe('GET /rounds/:id/report', () => {
    it("counts the round's nominations per channel, industry and sub-district union, zeroes included", async () => {
      const { roundId, year } = await createRound((y) => ({ year: y, quota: 35, ...windowsFor(y) }));
      const other = await createRound();
      const org = (area: string | null, industry = 'eyewear') => insertCandidate(roundId, { channel: 'organisational', area, industry });
      await org('jingshan', 'eyewear');
      await org('jingshan', 'locks');
      await org('jingshan', 'footwear_leather');
      await org('xinqiao', 'apparel');
      await org('xinqiao', 'eyewear');
      await org(null, 'other');
      await insertCandidate(roundId, { channel: 'association', industry: 'electrical_machinery', area: 'louqiao' });
      await insertCandidate(roundId, { channel: 'association', industry: 'eyewear' });
      await insertCandidate(roundId, { channel: 'self', industry: 'eyewear' });
      // Another round's nominations do not count.
      await insertCandidate(other.roundId, { channel: 'competition', industry: 'auto_moto_parts', area: 'louqiao' });
      await insertCandidate(other.roundId, { channel: 'organisational', industry: 'auto_moto_parts', area: 'louqiao' });

      const res = await http.get(`/rounds/${roundId}/report`, token('leadership'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roundId, year, quota: 35, total: 9, organisationalWithoutArea: 1 });
      expect(res.body.byChannel).toEqual({ organisational: 6, association: 2, self: 1, competition: 0 });
      expect(res.body.byIndustry).toEqual({
        footwear_leather: 1,
        apparel: 1,
        eyewear: 4,
        locks: 1,
        electrical_machinery: 1,
        auto_moto_parts: 0,
        other: 1,
      });
      expect(Object.keys(res.body.byArea)).toEqual([...AREAS]);
      expect(res.body.byArea.jingshan).toEqual({ count: 3, target: 3, meetsTarget: true });
      expect(res.body.byArea.xinqiao).toEqual({ count: 2, target: 3, meetsTarget: false });
      // Only organisational nominations go through a sub-district union.
      expect(res.body.byArea.louqiao).toEqual({ count: 0, target: 3, meetsTarget: false });
      expect(res.body.byArea.development_zone).toEqual({ count: 0, target: 3, meetsTarget: false });

      const empty = await http.get(`/rounds/${(await createRound()).roundId}/report`, office);
      expect(empty.status).toBe(200);
      expect(empty.body.total).toBe(0);
      expect(empty.body.byChannel).toEqual({ organisational: 0, association: 0, self: 0, competition: 0 });
      expect(Object.values(empty.body.byIndustry)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    });

    it('takes the per-area target from ROUND_AREA_TARGET', async () => {
      const { roundId } = await createRound();
      await insertCandidate(roundId, { channel: 'organisational', area: 'zeya' });
      await insertCandidate(roundId, { channel: 'organisational', area: 'zeya' });
      process.env.ROUND_AREA_TARGET = '2';
      const api2 = await startApi().finally(() => delete process.env.ROUND_AREA_TARGET);
      try {
        const res = await client(api2.url).get(`/rounds/${roundId}/report`, token('auditor'));
        expect(res.status).toBe(200);
        expect(res.body.byArea.zeya).toEqual({ count: 2, target: 2, meetsTarget: true });
        expect(res.body.byArea.quxi).toEqual({ count: 0, target: 2, meetsTarget: false });
      } finally {
        await api2.close();
      }
    });

    it('admits union_office, leadership, auditor and admin only; 404 for an unknown round', async () => {
      const { roundId } = await createRound();
      for (const role of ['union_office', 'leadership', 'auditor', 'admin'] as const) {
        expect({ role, status: (await http.get(`/rounds/${roundId}/report`, token(role))).status }).toEqual({ role, status: 200 });
      }
      for (const role of ['street_union', 'expert', 'finance', 'nominator', 'government'] as const) {
        expect({ role, status: (await http.get(`/rounds/${roundId}/report`, token(role))).status }).toEqual({ role, status: 403 });
      }
      expect((await http.get(`/rounds/${roundId}/report`)).status).toBe(401);
      expect((await http.get(`/rounds/${randomUUID()}/report`, office)).status).toBe(404);
    });
  });

  describe('GET /rounds/:id/ranking', () => {
    it('ranks the scored candidates best first; equal scores share a rank (1, 2, 2, 4)', async () => {
      const { roundId, year } = await createRound((y) => ({ year: y, quota: 3, ...windowsFor(y) }));
      const other = await createRound();
      const a = await insertCandidate(roundId, { channel: 'organisational', area: 'jingshan', name: '甲', employer: '甲厂', industry: 'locks' });
      const b = await insertCandidate(roundId, { channel: 'association', name: '乙', employer: '乙厂', industry: 'eyewear' });
      const c = await insertCandidate(roundId, { channel: 'self', name: '丙', employer: '丙厂', industry: 'apparel' });
      const d = await insertCandidate(roundId, { channel: 'competition', name: '丁', employer: '丁厂', industry: 'other' });
      const unscored = await insertCandidate(roundId, { channel: 'self', name: '戊' });
      await insertCandidate(roundId, { channel: 'self', name: '己' }); // no status row at all
      const elsewhere = await insertCandidate(other.roundId, { channel: 'self', name: '庚' });
      await insertStatus(a, 7000, 'voting', 'awaiting_decision');
      await insertStatus(b, 9050, 'leadership', 'awaiting_decision');
      await insertStatus(c, 8800, 'voting', 'returned');
      await insertStatus(d, 8800, 'voting', 'awaiting_decision');
      await insertStatus(unscored, null, 'expert_review', 'awaiting_decision');
      await insertStatus(elsewhere, 9999);

      const res = await http.get(`/rounds/${roundId}/ranking`, token('leadership'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roundId, year, quota: 3 });
      expect(res.body.ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 2, 4]);
      expect(res.body.ranking[0]).toEqual({
        rank: 1,
        candidateId: b,
        name: '乙',
        employer: '乙厂',
        industry: 'eyewear',
        score: 90.5,
        stage: 'leadership',
        status: 'awaiting_decision',
      });
      expect(new Set(res.body.ranking.slice(1, 3).map((r: { candidateId: string }) => r.candidateId))).toEqual(new Set([c, d]));
      expect(res.body.ranking.slice(1, 3).map((r: { score: number }) => r.score)).toEqual([88, 88]);
      expect(res.body.ranking.find((r: { candidateId: string }) => r.candidateId === c)).toMatchObject({ status: 'returned', stage: 'voting' });
      expect(res.body.ranking[3]).toMatchObject({ rank: 4, candidateId: a, score: 70, name: '甲', employer: '甲厂', industry: 'locks' });
      expect(typeof res.body.ranking[0].score).toBe('number');
    });

    it('keeps two decimals of the score and is empty for a round with no scores', async () => {
      const { roundId } = await createRound();
      const x = await insertCandidate(roundId, { channel: 'self' });
      await insertStatus(x, 8567);
      const res = await http.get(`/rounds/${roundId}/ranking`, office);
      expect(res.body.ranking).toEqual([expect.objectContaining({ rank: 1, candidateId: x, score: 85.67 })]);

      const none = await http.get(`/rounds/${(await createRound()).roundId}/ranking`, token('auditor'));
      expect(none.status).toBe(200);
      expect(none.body.ranking).toEqual([]);
    });

    it('admits union_office, leadership, auditor and admin only', async () => {
      const { roundId } = await createRound();
      expect((await http.get(`/rounds/${roundId}/ranking`, token('admin'))).status).toBe(200);
      for (const role of ['expert', 'finance', 'nominator', 'inspector'] as const) {
        expect({ role, status: (await http.get(`/rounds/${roundId}/ranking`, token(role))).status }).toEqual({ role, status: 403 });
      }
      expect((await http.get(`/rounds/${roundId}/ranking`)).status).toBe(401);
      expect((await http.get(`/rounds/${randomUUID()}/ranking`, office)).status).toBe(404);
      expect((await http.get('/rounds/nope/ranking', office)).status).toBe(400);
    });
  });
});
