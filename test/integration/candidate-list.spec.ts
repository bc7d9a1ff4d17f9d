import type { INestApplicationContext } from '@nestjs/common';
import { ValueType } from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../../libs/contract';
import { fetchFile, parseCsv, readXlsx } from '../support/exports';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';
import {
  approve,
  closeRounds,
  createLegacyRound,
  createRound,
  decide,
  dueAtOf,
  idNumber,
  mobileNumber,
  openDb,
  streetUnion,
  type TestRound,
} from '../support/review-helpers';

jest.setTimeout(180_000);

interface Item {
  id: string;
  name: string;
  channel: string;
  industry: string;
  trade: string;
  employer: string;
  area: string | null;
  roundId: string | null;
  stage: string | null;
  status: string | null;
  dueAt: string | null;
  overdue: boolean;
  expertScore: number | null;
  nominatedAt: string;
  idNumber: string;
  mobile: string;
  homeAddress: string | null;
}

interface Filed {
  id: string;
  name: string;
  idNumber: string;
  mobile: string;
  homeAddress: string;
}

/** An instant as a clock in Ouhai shows it (UTC+8, no daylight saving), to the minute. */
const ouhaiClock = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Finding files (GET /candidates and its CSV and Excel exports) over HTTP, on a real Temporal dev
 * server and PostgreSQL. One round holds five files at different stages, filed by two nominators in
 * two sub-districts; a second round, whose nomination window closes a few seconds after it opens,
 * gives files that fall overdue.
 */
describe('finding files: GET /candidates and exports (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-list-${randomUUID()}` };
  const tag = randomUUID().slice(0, 6);
  const office = token('union_office', 'office-list');
  const auditor = token('auditor', 'auditor-list');
  const nominatorOne = token('nominator', `nom-1-${tag}`);
  const nominatorTwo = token('nominator', `nom-2-${tag}`);
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  let lateRound: TestRound;
  // Round one, in filing order: at endorsement (returned), at endorsement, at inspection, at voting, at government approval.
  let alpha: Filed, bravo: Filed, charlie: Filed, delta: Filed, echo: Filed;
  // The late round: left at endorsement past its due date, rejected there, endorsed on to qualification.
  let late: Filed, lateRejected: Filed, lateEndorsed: Filed;

  async function nominate(inRound: TestRound, as: string, overrides: Record<string, unknown>): Promise<Filed> {
    const form: Record<string, unknown> = nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: inRound.roundId, ...overrides });
    const res = await http.post('/nominations', form, as);
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      id: res.body.candidateId,
      name: form.name as string,
      idNumber: form.idNumber as string,
      mobile: form.mobile as string,
      homeAddress: form.homeAddress as string,
    };
  }

  const projected = (candidateId: string, stage: string, status = 'awaiting_decision') =>
    eventually(
      () => db.query('SELECT stage, status FROM candidate_status WHERE candidate_id = $1', [candidateId]),
      (rows: Array<{ stage: string; status: string }>) => rows[0]?.stage === stage && rows[0]?.status === status,
    );

  async function list(query: string, as: string): Promise<{ items: Item[]; total: number; page: number; pageSize: number }> {
    const res = await http.get(`/candidates?${query}`, as);
    if (res.status !== 200) throw new Error(`GET /candidates?${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const idsOf = async (query: string, as = auditor) => (await list(query, as)).items.map((i) => i.id);
  const inRound = () => `roundId=${round.roundId}`;

  const download = (path: string, as: string) => fetchFile(api.url, path, as);

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();

    // The late round first: its window closes 20 s from now, while the rest is set up.
    const now = Math.floor(Date.now() / 1000) * 1000;
    lateRound = await createRound(http, () => ({
      nominationOpensAt: new Date(now - 3_600_000),
      nominationClosesAt: new Date(now + 20_000),
      reviewClosesAt: new Date(now + 10 * 86_400_000),
    }));
    const organisational = (name: string, area: string) => ({ channel: 'organisational', area, name });
    late = await nominate(lateRound, nominatorOne, organisational(`逾期${tag}`, 'xinqiao'));
    lateRejected = await nominate(lateRound, nominatorOne, organisational(`驳回${tag}`, 'xinqiao'));
    lateEndorsed = await nominate(lateRound, nominatorOne, organisational(`已审${tag}`, 'xinqiao'));
    const xinqiao = streetUnion('xinqiao');
    expect((await decide(http, lateRejected.id, 'endorsement', { outcome: 'reject', reason: '不符合推荐条件' }, xinqiao)).status).toBe(200);
    expect((await decide(http, lateEndorsed.id, 'endorsement', {}, xinqiao)).status).toBe(200);

    // Per-file decisions past expert review: a round from before rounds ran as workflows (the round's own path is annual-round.spec).
    round = await createLegacyRound(db);
    alpha = await nominate(round, nominatorOne, { ...organisational(`工匠Alpha${tag}`, 'louqiao'), industry: 'eyewear' });
    bravo = await nominate(round, nominatorTwo, {
      ...organisational(`工匠Bravo${tag}`, 'wutian'),
      industry: 'apparel',
      employer: '=HYPERLINK("http://x.example","点我")',
    });
    charlie = await nominate(round, nominatorOne, { channel: 'association', name: `工匠Charlie${tag}`, industry: 'locks', employer: '温州"金锁",锁具厂' });
    delta = await nominate(round, nominatorTwo, { channel: 'self', name: `工匠Delta${tag}`, industry: 'eyewear' });
    echo = await nominate(round, nominatorOne, { channel: 'association', name: `工匠Echo${tag}`, industry: 'footwear_leather' });

    const louqiao = streetUnion('louqiao');
    await projected(alpha.id, 'endorsement');
    expect((await decide(http, alpha.id, 'endorsement', { outcome: 'return', reason: '缺少推荐单位盖章', missing: ['nominator seal'] }, louqiao)).status).toBe(200);
    await approve(http, charlie.id, 'qualification');
    for (const id of [delta.id, echo.id]) {
      await approve(http, id, 'qualification');
      await approve(http, id, 'inspection', { visit: VISIT });
      await scoreThroughApi(http, id);
    }
    await approve(http, echo.id, 'voting');
    await approve(http, echo.id, 'leadership');

    await projected(alpha.id, 'endorsement', 'returned');
    await projected(bravo.id, 'endorsement');
    await projected(charlie.id, 'inspection');
    await projected(delta.id, 'voting');
    await projected(echo.id, 'government_approval'); // after its 3 s public notice
  });

  afterAll(async () => {
    await closeRounds(
      db,
      [round, lateRound].filter(Boolean).map((r) => r.roundId),
    );
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  it('shows district staff, the auditor and admin every file of the round; the leadership group and the government the files on their lists; finance none', async () => {
    const all = [alpha, bravo, charlie, delta, echo].map((f) => f.id);
    for (const role of ['union_office', 'inspector', 'auditor', 'admin'] as const) {
      const page = await list(inRound(), token(role));
      expect(page.total).toBe(5);
      expect(page.items.map((i) => i.id)).toEqual(all);
    }
    // Only echo has reached the leadership group's review; the files before it are the reviewers' (404 one by one).
    for (const role of ['leadership', 'government'] as const) {
      expect(await idsOf(inRound(), token(role))).toEqual([echo.id]);
      expect((await http.get(`/candidates/${alpha.id}`, token(role))).status).toBe(404);
      expect((await http.get(`/candidates/${echo.id}`, token(role))).status).toBe(200);
    }
    expect((await http.get(`/candidates?${inRound()}`, token('finance'))).status).toBe(403);
    expect((await http.get(`/candidates/${echo.id}`, token('finance'))).status).toBe(403);
  });

  it("shows a sub-district union its own area's files only, and a union without an area the files without one", async () => {
    expect(await idsOf(inRound(), streetUnion('louqiao'))).toEqual([alpha.id]);
    expect(await idsOf(inRound(), streetUnion('wutian'))).toEqual([bravo.id]);
    expect(await idsOf(inRound(), streetUnion('zeya'))).toEqual([]);
    expect(await idsOf(inRound(), token('street_union', `su-${tag}`))).toEqual([charlie.id, delta.id, echo.id]);
    // Even asked for another area by name, a union gets nothing of it.
    expect((await list(`${inRound()}&area=louqiao`, streetUnion('wutian'))).total).toBe(0);
  });

  it('shows a nominator only what it filed', async () => {
    expect(await idsOf(inRound(), nominatorOne)).toEqual([alpha.id, charlie.id, echo.id]);
    expect(await idsOf(inRound(), nominatorTwo)).toEqual([bravo.id, delta.id]);
    expect(await idsOf(inRound(), token('nominator', `nom-3-${tag}`))).toEqual([]);
  });

  it('shows an expert only the files whose panel seats it', async () => {
    // scoreThroughApi seats expert-<first 8 characters of the id>-0..4.
    expect(await idsOf(inRound(), token('expert', `expert-${delta.id.slice(0, 8)}-0`))).toEqual([delta.id]);
    expect(await idsOf('', token('expert', `expert-${echo.id.slice(0, 8)}-4`))).toEqual([echo.id]);
    expect(await idsOf('', token('expert', `expert-${tag}-unseated`))).toEqual([]);
  });

  it('summarises each file: stage, status, due date, expert score and the form fields staff search by', async () => {
    const { items } = await list(inRound(), auditor);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(alpha.id)).toMatchObject({
      name: alpha.name,
      channel: 'organisational',
      industry: 'eyewear',
      trade: '眼镜装配',
      employer: '温州瓯海眼镜有限公司',
      area: 'louqiao',
      roundId: round.roundId,
      stage: 'endorsement',
      status: 'returned',
      dueAt: round.nominationClosesAt.toISOString(),
      overdue: false,
      expertScore: null,
    });
    expect(byId.get(charlie.id)).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', dueAt: dueAtOf(round, 'inspection'), area: null });
    expect(byId.get(echo.id)).toMatchObject({ stage: 'government_approval', dueAt: null, overdue: false });
    // The expert score is the panel's, as the file itself shows it.
    for (const f of [delta, echo]) {
      const file = await http.get(`/candidates/${f.id}`, office);
      expect(byId.get(f.id)!.expertScore).toBe(file.body.expertScore.scoreCenti / 100);
      expect(byId.get(f.id)!.nominatedAt).toBe(file.body.nominatedAt);
    }
    expect(byId.get(bravo.id)!.expertScore).toBeNull();
  });

  it('masks personal data exactly as the file view does for the role, and shows it in clear to the programme office only', async () => {
    const clear = (await list(inRound(), office)).items.find((i) => i.id === charlie.id)!;
    expect(clear).toMatchObject({ idNumber: charlie.idNumber, mobile: charlie.mobile, homeAddress: charlie.homeAddress });

    for (const as of [auditor, token('inspector'), token('expert', `expert-${delta.id.slice(0, 8)}-1`), nominatorTwo]) {
      const item = (await list(inRound(), as)).items.find((i) => i.id === delta.id)!;
      const file = (await http.get(`/candidates/${delta.id}`, as)).body;
      expect({ idNumber: item.idNumber, mobile: item.mobile, homeAddress: item.homeAddress }).toEqual({
        idNumber: file.idNumber,
        mobile: file.mobile,
        homeAddress: file.homeAddress,
      });
      expect(item.idNumber).not.toBe(delta.idNumber);
      expect(item.idNumber).toMatch(new RegExp(`^${delta.idNumber.slice(0, 4)}\\*+${delta.idNumber.slice(-4)}$`));
      expect(item.mobile).toBe(`${delta.mobile.slice(0, 3)}****${delta.mobile.slice(-4)}`);
      expect(item.homeAddress!.startsWith(delta.homeAddress.slice(0, 6))).toBe(true);
      expect(item.homeAddress).not.toContain(delta.homeAddress.slice(6));
    }
  });

  it('filters by stage, status, channel, industry, area and name, alone and together', async () => {
    expect(await idsOf(`${inRound()}&stage=endorsement`)).toEqual([alpha.id, bravo.id]);
    expect(await idsOf(`${inRound()}&stage=government_approval`)).toEqual([echo.id]);
    expect(await idsOf(`${inRound()}&status=returned`)).toEqual([alpha.id]);
    expect(await idsOf(`${inRound()}&stage=endorsement&status=awaiting_decision`)).toEqual([bravo.id]);
    expect(await idsOf(`${inRound()}&channel=organisational`)).toEqual([alpha.id, bravo.id]);
    expect(await idsOf(`${inRound()}&channel=self`)).toEqual([delta.id]);
    expect(await idsOf(`${inRound()}&industry=eyewear`)).toEqual([alpha.id, delta.id]);
    expect(await idsOf(`${inRound()}&area=wutian`)).toEqual([bravo.id]);
    expect(await idsOf(`${inRound()}&channel=organisational&industry=apparel`)).toEqual([bravo.id]);
    // Name contains, in any case; across rounds too.
    expect(await idsOf(`q=${encodeURIComponent(`bravo${tag}`.toUpperCase())}`)).toEqual([bravo.id]);
    expect(await idsOf(`q=${encodeURIComponent(`charlie${tag}`)}`)).toEqual([charlie.id]);
    expect(await idsOf(`${inRound()}&q=${encodeURIComponent('工匠')}`)).toHaveLength(5);
    expect(await idsOf(`${inRound()}&q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await idsOf(`roundId=${lateRound.roundId}`)).toEqual([late.id, lateRejected.id, lateEndorsed.id]);
  });

  it('pages through the list with the total on every page, past the end included', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await list(`${inRound()}&pageSize=2&page=${page}`, auditor);
      expect(res).toMatchObject({ total: 5, page, pageSize: 2 });
      seen.push(...res.items.map((i) => i.id));
    }
    expect(seen).toEqual([alpha, bravo, charlie, delta, echo].map((f) => f.id));
    expect(await list(`${inRound()}&pageSize=2&page=4`, auditor)).toEqual({ items: [], total: 5, page: 4, pageSize: 2 });
    expect(await list(`${inRound()}&pageSize=500`, auditor)).toMatchObject({ total: 5, page: 1, pageSize: 500 });
    expect(await list(inRound(), auditor)).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('sorts by filing time or due date either way, files without a due date last', async () => {
    const filed = [alpha, bravo, charlie, delta, echo].map((f) => f.id);
    expect(await idsOf(`${inRound()}&sort=nominatedAt&order=desc`)).toEqual([...filed].reverse());
    // Alpha and Bravo share the endorsement due date: filing order breaks the tie.
    expect(await idsOf(`${inRound()}&sort=dueAt`)).toEqual([alpha.id, bravo.id, charlie.id, delta.id, echo.id]);
    expect(await idsOf(`${inRound()}&sort=dueAt&order=desc`)).toEqual([delta.id, charlie.id, alpha.id, bravo.id, echo.id]);
    const dues = (await list(`${inRound()}&sort=dueAt`, auditor)).items.map((i) => i.dueAt);
    expect(dues.slice(0, 4).map((d) => Date.parse(d!))).toEqual([...dues.slice(0, 4)].map((d) => Date.parse(d!)).sort((a, b) => a - b));
  });

  it('refuses a bad filter with a 400 naming the field and what it may be', async () => {
    const cases: Array<[string, string, string[]]> = [
      ['stage=judging', 'stage', ['endorsement', 'government_approval', 'payments']],
      ['status=open', 'status', ['awaiting_decision', 'returned']],
      ['channel=online', 'channel', ['organisational', 'association', 'self', 'competition']],
      ['industry=toys', 'industry', ['eyewear', 'other']],
      ['area=wenzhou', 'area', ['louqiao', 'development_zone']],
      ['overdue=yes', 'overdue', ['true', 'false']],
      ['sort=name', 'sort', ['nominatedAt', 'dueAt']],
      ['order=up', 'order', ['asc', 'desc']],
      ['roundId=2017', 'roundId', ['UUID']],
      ['pageSize=501', 'pageSize', ['500']],
      ['pageSize=0', 'pageSize', ['500']],
      ['page=0', 'page', ['from 1']],
      ['page=two', 'page', ['from 1']],
    ];
    for (const [query, field, mentions] of cases) {
      const res = await http.get(`/candidates?${query}`, auditor);
      expect(res.status).toBe(400);
      const reasons = res.body.fields.filter((f: { field: string }) => f.field === field).map((f: { reason: string }) => f.reason);
      expect(reasons).toHaveLength(1);
      for (const m of mentions) expect(reasons[0]).toContain(m);
    }
    expect((await http.get('/candidates?colour=red', auditor)).status).toBe(400);
    expect((await http.get('/candidates/export.csv?stage=judging', auditor)).status).toBe(400);
    expect((await http.get('/candidates')).status).toBe(401);
  });

  it('keeps GET /candidates/:id working beside the list and its exports', async () => {
    expect((await http.get(`/candidates/${alpha.id}`, auditor)).body).toMatchObject({ name: alpha.name, stage: 'endorsement' });
    expect((await http.get('/candidates/not-a-uuid', auditor)).status).toBe(400);
    expect((await http.get(`/candidates/${randomUUID()}`, auditor)).status).toBe(404);
  });

  it('exports the filtered list, every page, as CSV: BOM, Chinese headers, quoting, no formulas, masked for the caller', async () => {
    const res = await download(`/candidates/export.csv?${inRound()}&sort=dueAt`, auditor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="candidates-${shanghaiDate(Date.now())}.csv"`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.subarray(3).toString('utf8');
    // A quote or comma in a cell is quoted and doubled; a cell that starts like a formula is prefixed.
    expect(text).toContain('"温州""金锁"",锁具厂"');
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);

    const [header, ...rows] = parseCsv(text);
    for (const h of ['姓名', '推荐渠道', '行业', '工种', '工作单位', '镇街', '阶段', '状态', '截止时间', '专家评分', '推荐时间', '身份证号码', '手机号码', '家庭地址']) {
      expect(header).toContain(h);
    }
    const col = (h: string) => header.indexOf(h);
    const listed = (await list(`${inRound()}&sort=dueAt`, auditor)).items;
    expect(rows.map((r) => r[col('姓名')])).toEqual(listed.map((i) => i.name));
    const alphaRow = rows.find((r) => r[col('姓名')] === alpha.name)!;
    expect(alphaRow[col('推荐渠道')]).toBe('组织推荐');
    expect(alphaRow[col('行业')]).toBe('眼镜');
    expect(alphaRow[col('镇街')]).toBe('娄桥街道');
    expect(alphaRow[col('阶段')]).toBe('镇街总工会审核推荐');
    expect(alphaRow[col('状态')]).toBe('退回补充材料');
    expect(alphaRow[col('截止时间')]).toBe(ouhaiClock(round.nominationClosesAt));
    expect(alphaRow[col('推荐时间')]).toBe(ouhaiClock(new Date(listed.find((i) => i.id === alpha.id)!.nominatedAt)));
    expect(alphaRow[col('身份证号码')]).toBe(listed.find((i) => i.id === alpha.id)!.idNumber);
    expect(alphaRow[col('身份证号码')]).not.toBe(alpha.idNumber);
    expect(alphaRow[col('手机号码')]).toBe(listed.find((i) => i.id === alpha.id)!.mobile);
    expect(rows.find((r) => r[col('姓名')] === delta.name)![col('专家评分')]).toBe(String(listed.find((i) => i.id === delta.id)!.expertScore));
    expect(text).not.toContain(alpha.idNumber);
    expect(text).not.toContain(alpha.mobile);

    // The export holds every page of what the caller may see, nothing more.
    const union = parseCsv((await download(`/candidates/export.csv?${inRound()}`, streetUnion('louqiao'))).bytes.subarray(3).toString('utf8'));
    expect(union.slice(1).map((r) => r[col('姓名')])).toEqual([alpha.name]);
  });

  it('exports the filtered list as an Excel workbook, in clear for the programme office', async () => {
    const res = await download(`/candidates/export.xlsx?${inRound()}&channel=organisational`, office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="candidates-${shanghaiDate(Date.now())}.xlsx"`);

    const sheet = (await readXlsx(res.bytes)).worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    for (const h of ['姓名', '推荐渠道', '工作单位', '阶段', '截止时间', '身份证号码', '手机号码']) expect(header).toContain(h);
    const cell = (row: number, h: string) => sheet.getRow(row).getCell(header.indexOf(h) + 1);
    expect(sheet.rowCount).toBe(3);
    expect([cell(2, '姓名').value, cell(3, '姓名').value]).toEqual([alpha.name, bravo.name]);
    expect(cell(2, '身份证号码').value).toBe(alpha.idNumber);
    expect(cell(2, '手机号码').value).toBe(alpha.mobile);
    expect(cell(2, '家庭地址').value).toBe(alpha.homeAddress);
    // Text a nominator typed stays text: the cell is a string, not a formula.
    expect(cell(3, '工作单位').type).toBe(ValueType.String);
    expect(cell(3, '工作单位').value).toBe('=HYPERLINK("http://x.example","点我")');

    // The auditor's workbook carries the same masking as its list.
    const audited = await readXlsx((await download(`/candidates/export.xlsx?${inRound()}&stage=voting`, auditor)).bytes);
    const row = audited.worksheets[0].getRow(2);
    const item = (await list(`${inRound()}&stage=voting`, auditor)).items[0];
    expect(row.getCell(header.indexOf('身份证号码') + 1).value).toBe(item.idNumber);
    expect(row.getCell(header.indexOf('专家评分') + 1).value).toBe(item.expertScore);
    expect(audited.worksheets[0].rowCount).toBe(2);
  });

  it('gives the auditor and the office the overdue files, with no stage or round filter needed; a closed file is never overdue', async () => {
    const wait = lateRound.nominationClosesAt.getTime() - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait + 500));
    await projected(lateRejected.id, 'endorsement', 'rejected');
    await projected(lateEndorsed.id, 'qualification');

    const overdue = await list(`roundId=${lateRound.roundId}&overdue=true`, auditor);
    expect(overdue).toMatchObject({ total: 1 });
    expect(overdue.items[0]).toMatchObject({ id: late.id, stage: 'endorsement', overdue: true, dueAt: lateRound.nominationClosesAt.toISOString() });
    expect(await idsOf(`roundId=${lateRound.roundId}&overdue=false`)).toEqual([lateRejected.id, lateEndorsed.id]);

    // Across both rounds of this file (every name carries the tag; the database is shared): only the one overdue file.
    const everywhere = await list(`overdue=true&sort=dueAt&q=${tag}`, auditor);
    expect(everywhere.items.map((i) => i.id)).toEqual([late.id]);
    expect(everywhere.items[0].overdue).toBe(true);
    expect((await list(`overdue=false&q=${tag}`, auditor)).total).toBe(7);
    // The office sees it too, and the sub-district union whose area it is.
    expect(await idsOf(`roundId=${lateRound.roundId}&overdue=true`, office)).toEqual([late.id]);
    expect(await idsOf(`overdue=true&q=${tag}`, streetUnion('xinqiao'))).toEqual([late.id]);
    expect(await idsOf(`overdue=true&q=${tag}`, streetUnion('louqiao'))).toEqual([]);
  });
});
