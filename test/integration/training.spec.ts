import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../../libs/contract';
import { openDb } from '../support/review-helpers';
import { client, startApi, token } from '../support/service';

jest.setTimeout(120_000);

const fields = (body: { fields?: Array<{ field: string }> }) => (body.fields ?? []).map((f) => f.field);

/** Training (训): bases, courses, participants and certificates; the training fund and its year-on-year rule. */
describe('training over HTTP (real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  const office = token('union_office', 'office-training');
  const leadership = token('leadership');

  beforeAll(async () => {
    api = await startApi({ TEMPORAL_TASK_QUEUE: `it-training-${randomUUID()}` });
    http = client(api.url);
    db = await openDb();
  });
  afterAll(async () => {
    await db?.destroy();
    await api?.close();
  });

  it('records a base, a course, its participants and the certificates they obtained; refuses bad input naming the field', async () => {
    expect((await http.post('/training/bases', { kind: 'school', name: '职校', address: '娄桥' }, office)).body.fields).toEqual([
      { field: 'kind', reason: 'kind must be one of vocational_school, training_organisation, company_centre' },
    ]);
    expect((await http.post('/training/bases', { kind: 'vocational_school', name: '职校', address: '娄桥' }, leadership)).status).toBe(403);
    const base = await http.post(
      '/training/bases',
      { kind: 'vocational_school', name: `温州市瓯海职业中专${randomUUID().slice(0, 4)}`, address: '瓯海区娄桥街道' },
      office,
    );
    expect(base.status).toBe(201);
    expect(base.body).toMatchObject({ kind: 'vocational_school', courses: [] });

    const year = 2018 + randomInt(6);
    const course = { title: '眼镜装配技师培训班', trade: '眼镜装配', targetLevel: 'technician', startsOn: `${year}-05-06`, endsOn: `${year}-06-30`, place: '实训楼3楼' };
    const backwards = await http.post(`/training/bases/${base.body.id}/courses`, { ...course, endsOn: `${year}-05-01` }, office);
    expect(backwards.body.fields).toEqual([{ field: 'endsOn', reason: 'endsOn must be on or after startsOn' }]);
    expect(fields((await http.post(`/training/bases/${base.body.id}/courses`, { ...course, targetLevel: 'master' }, office)).body)).toEqual(['targetLevel']);
    expect((await http.post(`/training/bases/${randomUUID()}/courses`, course, office)).status).toBe(404);
    const before = (await http.get(`/training/report?year=${year}`, leadership)).body;
    const created = await http.post(`/training/bases/${base.body.id}/courses`, course, office);
    expect(created.status).toBe(201);
    const courseId: string = created.body.id;

    const enrolled = await http.post(
      `/training/courses/${courseId}/participants`,
      {
        participants: [
          { name: '李明', employer: '温州瓯海眼镜有限公司' },
          { name: '陈亮', employer: '温州瓯海光学有限公司' },
        ],
      },
      office,
    );
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.participants.map((p: { name: string; outcome: null }) => [p.name, p.outcome])).toEqual([
      ['李明', null],
      ['陈亮', null],
    ]);
    const [li, chen] = enrolled.body.participants.map((p: { id: string }) => p.id);

    const outcome = (id: string, body: unknown) =>
      fetch(`${api.url}/training/courses/${courseId}/participants/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { fields?: Array<{ field: string; reason: string }> } }));
    expect(fields((await outcome(li, { outcome: 'certified' })).body)).toEqual(['certificate', 'certifiedOn']);
    expect(fields((await outcome(li, { outcome: 'not_certified', certificate: 'technician' })).body)).toEqual(['certificate']);
    const tomorrow = shanghaiDate(Date.now() + 86_400_000);
    expect((await outcome(li, { outcome: 'certified', certificate: 'technician', certifiedOn: tomorrow })).body.fields).toEqual([
      { field: 'certifiedOn', reason: expect.stringContaining('is after today') },
    ]);
    expect(fields((await outcome(li, { outcome: 'certified', certificate: 'technician', certifiedOn: `${year}-01-02` })).body)).toEqual(['certifiedOn']);
    expect((await outcome(randomUUID(), { outcome: 'withdrew' })).status).toBe(404);
    const certified = await outcome(li, { outcome: 'certified', certificate: 'technician', certifiedOn: `${year}-07-15` });
    expect(certified.status).toBe(200);
    expect((await outcome(chen, { outcome: 'not_certified' })).status).toBe(200);
    const read = await http.get(`/training/courses/${courseId}`, token('auditor'));
    expect(
      read.body.participants.map((p: { outcome: string; certificate: string | null; certifiedOn: string | null }) => [p.outcome, p.certificate, p.certifiedOn]),
    ).toEqual([
      ['certified', 'technician', `${year}-07-15`],
      ['not_certified', null, null],
    ]);

    // The base's courses and the year's report count it.
    const baseRead = await http.get(`/training/bases/${base.body.id}`, leadership);
    expect(baseRead.body.courses).toEqual([expect.objectContaining({ id: courseId, participants: 2, certified: 1 })]);
    expect((await http.get('/training/bases', leadership)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: base.body.id, courses: 1, participants: 2 })]),
    );
    const after = (await http.get(`/training/report?year=${year}`, leadership)).body;
    expect(after.courses - before.courses).toBe(1);
    expect(after.participants - before.participants).toBe(2);
    expect((after.certificates.technician ?? 0) - (before.certificates.technician ?? 0)).toBe(1);
    expect(after.coursesByBaseKind.vocational_school - (before.coursesByBaseKind.vocational_school ?? 0)).toBe(1);
    expect(fields((await http.get('/training/report', leadership)).body)).toEqual(['year']);

    // Every write is on the audit chain: the outcome under its course.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE route = 'PATCH /training/courses/:id/participants/:participantId' AND object_id = $1 AND status = 200`,
      [courseId],
    );
    expect(n).toBe(2);
  });

  it("keeps the fund per year and flags a year whose set-aside is not above the year before's", async () => {
    const y = 2030 + randomInt(60);
    const setAside = async (year: number, setAsideFen: number) => {
      const res = await http.post('/training/fund/set-asides', { year, setAsideFen, basis: `${year}年工会经费预算` }, office);
      expect(res.status).toBe(201);
      return res.body;
    };
    expect(await setAside(y, 50_000_000)).toMatchObject({ year: y, setAsideFen: 50_000_000, setAsideRecorded: true });
    expect(await setAside(y + 1, 60_000_000)).toMatchObject({ year: y + 1, growsOnPreviousYear: true, previousSetAsideFen: 50_000_000 });
    expect(await setAside(y + 2, 60_000_000)).toMatchObject({ year: y + 2, growsOnPreviousYear: false });
    expect(await setAside(y + 3, 55_000_000)).toMatchObject({ year: y + 3, growsOnPreviousYear: false });

    // Spending is charged to the year it was spent in (none ahead of today).
    const past = 2018 + randomInt(6);
    await setAside(past, 10_000_000);
    const spent = await http.post('/training/fund/spending', { spentOn: `${past}-06-30`, amountFen: 1_234_567, purpose: '技师培训班 师资及教材' }, office);
    expect(spent.status).toBe(201);
    expect(spent.body).toMatchObject({ year: past, setAsideFen: 10_000_000 });
    expect(spent.body.spentFen).toBeGreaterThanOrEqual(1_234_567);

    const fund = (await http.get('/training/fund', leadership)).body;
    const line = (year: number) => fund.years.find((l: { year: number }) => l.year === year);
    expect([y + 1, y + 2, y + 3].map((year) => line(year).growsOnPreviousYear)).toEqual([true, false, false]);
    expect(fund.flaggedYears).toEqual(expect.arrayContaining([y + 2, y + 3]));
    expect(fund.flaggedYears).not.toContain(y + 1);
    expect(line(past).remainingFen).toBe(line(past).setAsideFen - line(past).spentFen);

    // A corrected figure clears the flag; the programme shows the fund too.
    expect(await setAside(y + 2, 65_000_000)).toMatchObject({ growsOnPreviousYear: true });
    const programme = (await http.get('/programme', token('auditor'))).body;
    expect(programme.trainingFund.years.find((l: { year: number }) => l.year === y + 2)).toMatchObject({ setAsideFen: 65_000_000, growsOnPreviousYear: true });
    expect(programme.trainingFund.flaggedYears).toContain(y + 3);

    // Bad figures: a 400 naming the field; only the office records.
    expect(fields((await http.post('/training/fund/set-asides', { year: y, setAsideFen: -1 }, office)).body)).toEqual(['setAsideFen']);
    expect(fields((await http.post('/training/fund/set-asides', { year: 2016, setAsideFen: 1 }, office)).body)).toEqual(['year']);
    expect(fields((await http.post('/training/fund/spending', { spentOn: `${past}-06-30`, amountFen: 1.5, purpose: 'x' }, office)).body)).toEqual(['amountFen']);
    const tomorrow = shanghaiDate(Date.now() + 86_400_000);
    expect(fields((await http.post('/training/fund/spending', { spentOn: tomorrow, amountFen: 100, purpose: 'x' }, office)).body)).toEqual(['spentOn']);
    expect(fields((await http.post('/training/fund/spending', { spentOn: `${past}-06-30`, amountFen: 100, purpose: 'x', courseId: randomUUID() }, office)).body)).toEqual(
      ['courseId'],
    );
    expect((await http.post('/training/fund/set-asides', { year: y, setAsideFen: 1 }, token('finance'))).status).toBe(403);
    expect((await http.get('/training/fund', token('finance'))).status).toBe(200);
  });
});
