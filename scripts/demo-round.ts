import { randomInt } from 'node:crypto';
import { shanghaiDate } from '../libs/contract/calendar';
import type { Role } from '../libs/contract';
import { pool } from '../libs/dev/pool';
import { AREAS } from '../libs/domain/areas';
import { checkCharacter } from '../libs/domain/id-number';
import { birthDateOf, sexOf } from '../libs/domain';
import { signLocalToken } from '../libs/security/local-issuer';

/**
 * A whole annual round driven through the HTTP API, as the office, the sub-district unions, the
 * inspectors, the experts, the public, the leadership group and the government would drive it.
 * Used by `npm run demo` (scripts/demo.ts) on its own embedded stack and by the integration test
 * on the suite's servers; it only talks HTTP, so it shows what a user of the API would see.
 */
export interface DemoOptions {
  /** The API's base URL, e.g. http://127.0.0.1:3000. */
  apiUrl: string;
  /** The local issuer's private key (JWK JSON) whose public half the API verifies with. */
  signingKey: string;
  /** The cohort: how many nominations are filed. */
  candidates: number;
  /** The round's quota; min(30, about half the cohort) unless given. */
  quota?: number;
  /** Public voters (dev verifier); six per candidate unless given, each voting for 3-10 listed candidates. */
  voters?: number;
  /** Requests in flight at once while filing, reviewing and voting. */
  concurrency?: number;
  /** Where the progress lines go. */
  say?: (line: string) => void;
  /** Called at moments of the round with what is known by then (npm run screenshots photographs the pages). */
  at?: (moment: DemoMoment, known: DemoKnown) => Promise<void>;
}

/** Moments of the round a caller may look at it: voting open with the votes in, the leadership's review, an objection awaiting the office, the round closed. */
export type DemoMoment = 'voting' | 'leadership_review' | 'objection' | 'closed';

export interface DemoKnown {
  roundId: string;
  year: number;
  listed: string[];
  selected: string[];
  objectionId?: string;
}

export interface DemoResult {
  roundId: string;
  year: number;
  quota: number;
  filed: number;
  listed: number;
  unfinished: number;
  votesCast: number;
  votesRefused: number;
  selected: string[];
  objection: { candidateId: string; status: string };
  commended: string[];
  bonusTasks: number;
  funnel: { files: number; byStage: Record<string, number>; byStatus: Record<string, number>; reReviewList: number; byOutcome: Record<string, number> };
  quotaUse: { quota: number; selected: number; remaining: number };
  phases: Array<{ phase: string; ms: number }>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INDUSTRIES = [
  { industry: 'footwear_leather', trade: '制鞋', employer: '温州瓯海鞋业有限公司', deed: '从事皮鞋制帮工艺' },
  { industry: 'apparel', trade: '服装制版', employer: '瓯海服饰有限公司', deed: '专注服装制版与裁剪' },
  { industry: 'eyewear', trade: '眼镜装配', employer: '温州瓯海眼镜有限公司', deed: '从事眼镜铰链装配' },
  { industry: 'locks', trade: '锁具装调', employer: '瓯海锁业有限公司', deed: '钻研锁芯精密装调' },
  { industry: 'electrical_machinery', trade: '电机装配', employer: '瓯海电气机械有限公司', deed: '从事电机绕线与装配' },
  { industry: 'auto_moto_parts', trade: '数控车工', employer: '瓯海汽摩配件有限公司', deed: '从事汽摩配件数控加工' },
] as const;
const CHANNELS = ['organisational', 'competition', 'association', 'self'] as const;
const SURNAMES = '王李张陈刘杨黄赵吴周徐孙马朱胡郭何林潘叶';
const GIVEN = ['建国', '海燕', '志强', '丽华', '伟', '秀英', '国平', '晓东', '春梅', '金良', '德明', '雪芬', '永康', '爱玲', '炳森', '月娥'];
const SKILLS = ['senior_technician', 'technician', 'senior_worker'] as const;

type Http = ReturnType<typeof client>;

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const say = opts.say ?? ((line: string) => console.log(`[demo] ${line}`));
  const n = opts.candidates;
  const quota = opts.quota ?? Math.max(1, Math.min(30, Math.round(n / 2)));
  const voters = opts.voters ?? Math.max(10, n * 6);
  const concurrency = opts.concurrency ?? 16;
  const http = client(opts.apiUrl);
  const as = (role: Role, sub = `demo-${role}`, extra: Record<string, unknown> = {}) => signLocalToken({ sub, role, ...extra }, opts.signingKey);
  const office = as('union_office', 'demo-office');
  const auditor = as('auditor', 'demo-auditor');
  const phases: DemoResult['phases'] = [];
  const phase = async <T>(name: string, work: () => Promise<T>, summary: (v: T) => string): Promise<T> => {
    const started = Date.now();
    const value = await work();
    const ms = Date.now() - started;
    phases.push({ phase: name, ms });
    say(`${name.padEnd(22)} ${summary(value)} (${(ms / 1000).toFixed(1)} s)`);
    return value;
  };
  const must = async (res: Promise<Reply>, what: string, ok = [200, 201]) => {
    const r = await res;
    if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const round = () => must(http.get(`/rounds/${roundId}`, auditor), 'round');
  const untilPhase = (p: string, timeoutMs = 60_000) => eventually(round, (r) => r.phase === p, timeoutMs, `round phase '${p}'`);
  const act = (path: string, body: unknown, token = office) => must(http.post(path, body, token), `POST ${path}`);

  // 1. The round: nominations open an hour ago, close in a day; the review window ten days after.
  const { roundId, year } = await phase(
    'round',
    () => createRound(http, office, quota),
    (r) => `year ${r.year}, quota ${quota}, round ${r.roundId}`,
  );

  const decide = (id: string, stage: string, token: string, extra: Record<string, unknown> = {}) =>
    act(`/candidates/${id}/decisions`, { stage, outcome: 'approve', reason: `${stage}: approved`, ...extra }, token);

  // 2. Nominations across the four channels, six industries and the sub-districts; organisational ones endorsed.
  const filed = await phase(
    'nominations',
    () =>
      pool(
        Array.from({ length: n }, (_, i) => i),
        concurrency,
        async (i) => {
          const channel = CHANNELS[i % CHANNELS.length];
          const area = AREAS[i % AREAS.length];
          const body = nominationBody(i, channel, area, roundId, year);
          const created = await must(http.post('/nominations', body, as('nominator', `demo-unit-${i % 7}`)), `nomination ${i}`);
          // The sub-district union endorses an organisational nomination within the window; one still unendorsed at the close drops out.
          if (channel === 'organisational') await decide(created.candidateId, 'endorsement', as('street_union', `demo-su-${area}`, { area }));
          return { id: created.candidateId as string, channel, area };
        },
      ),
    (files) => `${files.length} filed: ${CHANNELS.map((c) => `${c} ${files.filter((f) => f.channel === c).length}`).join(', ')}`,
  );

  // The office closes the nomination window as soon as the cohort is in: the review follows, as in the programme.
  await act(`/rounds/${roundId}/phase`, { action: 'close', reason: '推荐申报截止' });
  await untilPhase('reviewing');

  // 3. The review: qualification, inspection with a visit, five experts.
  // About one file in eight is left unfinished (still at inspection) and so ends not shortlisted.
  const unfinishedCount = Math.max(1, Math.round(n / 8));
  const unfinished = new Set(filed.slice(-unfinishedCount).map((f) => f.id));
  await phase(
    'review',
    () =>
      pool(filed, Math.min(concurrency, 8), async (f, i) => {
        await decide(f.id, 'qualification', office);
        if (unfinished.has(f.id)) return;
        const visit = { date: shanghaiDate(Date.now()), place: '生产车间', members: ['李考察', '陈考察'], findings: '在岗，技艺娴熟，群众评价好' };
        await decide(f.id, 'inspection', as('inspector', 'demo-inspector'), { visit });
        const experts = Array.from({ length: 5 }, (_, k) => ({ userId: `demo-expert-${k}-${f.id.slice(0, 8)}`, employer: `评审单位${k}` }));
        const panel = await act(`/candidates/${f.id}/panel`, { experts });
        const base = 60 + ((i * 37) % 35);
        for (const [k, e] of experts.entries()) {
          const mark = Math.min(100, base + randomInt(6) + k);
          const scores = Object.fromEntries((panel.conditions.length ? panel.conditions : ['overall']).map((c: string) => [c, mark]));
          await act(`/candidates/${f.id}/scores`, { scores }, as('expert', e.userId));
        }
      }),
    () => `${filed.length - unfinished.size} scored by 5 experts, ${unfinished.size} left unfinished`,
  );

  // 4. The re-review list, frozen from the expert scores.
  const listed = await phase(
    're-review list',
    async () => {
      // The list is drawn from the files' status as recorded; the office freezes it once every scored file shows as done.
      const scored = filed.length - unfinished.size;
      await eventually(
        () => must(http.get(`/rounds/${roundId}/funnel`, auditor), 'funnel'),
        (f) => (f.byStatus.awaiting_round ?? 0) >= scored,
        60_000,
        'every scored file awaiting the round',
      );
      await act(`/rounds/${roundId}/re-review-list`, { reason: '专家评审完成' });
      const ranking = await eventually(
        () => must(http.get(`/rounds/${roundId}/ranking`, auditor), 'ranking'),
        (r) => r.ranking.some((l: { outcome?: unknown }) => l.outcome !== undefined),
        60_000,
        'the frozen list',
      );
      await eventually(
        () => must(http.get(`/rounds/${roundId}/funnel`, auditor), 'funnel'),
        (f) => (f.byStatus.not_shortlisted ?? 0) >= unfinished.size,
        60_000,
        'unfinished files not shortlisted',
      );
      return ranking.ranking.filter((l: { outcome?: unknown }) => l.outcome !== undefined).map((l: { candidateId: string }) => l.candidateId) as string[];
    },
    (l) => `${l.length} listed, ${unfinished.size} not shortlisted`,
  );

  // 5. The public vote: each voter picks up to ten listed candidates (the daily limit), favourites weighted.
  const votes = await phase(
    'voting',
    async () => {
      await act(`/rounds/${roundId}/voting`, { reason: '网络投票开始' });
      const ballots: Array<{ voter: string; candidateId: string }> = [];
      const weight = listed.map((_, i) => 1 + ((i * 7919) % 11));
      const total = weight.reduce((a, b) => a + b, 0);
      for (let v = 0; v < voters; v++) {
        const picks = new Set<string>();
        const want = Math.min(listed.length, 3 + randomInt(8));
        while (picks.size < want) {
          let r = randomInt(total);
          let k = 0;
          while (r >= weight[k]) r -= weight[k++];
          picks.add(listed[k]);
        }
        for (const candidateId of picks) ballots.push({ voter: `demo-${year}-voter-${v}`, candidateId });
      }
      const answers = await pool(ballots, concurrency, (b) =>
        http.post(`/public/rounds/${roundId}/votes`, { candidateId: b.candidateId, verifier: 'dev', credential: b.voter }).then((r) => r.status),
      );
      await opts.at?.('voting', { roundId, year, listed, selected: [] });
      await act(`/rounds/${roundId}/phase`, { action: 'close', reason: '网络投票结束' });
      await untilPhase('leadership_review');
      await opts.at?.('leadership_review', { roundId, year, listed, selected: [] });
      return { cast: answers.filter((s) => s === 201).length, refused: answers.filter((s) => s !== 201).length };
    },
    (v) => `${v.cast} votes cast by ${voters} voters (${v.refused} refused)`,
  );

  // 6. The formal list: the top `quota` by combined score selected, the rest left out with a reason.
  const selected = await phase(
    'formal list',
    async () => {
      const ranking = (await must(http.get(`/rounds/${roundId}/ranking`, as('leadership', 'demo-leader')), 'ranking')).ranking as Array<{
        candidateId: string;
        combinedRank?: number;
        combinedScore?: number;
      }>;
      const onList = ranking.filter((l) => listed.includes(l.candidateId)).sort((a, b) => (b.combinedScore ?? 0) - (a.combinedScore ?? 0));
      const chosen = onList.slice(0, quota).map((l) => l.candidateId);
      await act(
        `/rounds/${roundId}/formal-list`,
        {
          selected: chosen.map((candidateId) => ({ candidateId, reason: '综合得分排名靠前' })),
          leftOut: onList.slice(quota).map((l) => ({ candidateId: l.candidateId, reason: '综合得分未进入名额' })),
        },
        as('leadership', 'demo-leader'),
      );
      return chosen;
    },
    (c) => `${c.length} selected, ${listed.length - c.length} left out`,
  );

  // 7. The public notice, an objection filed by the public and dismissed after inquiry, the notice ends.
  const objection = await phase(
    'public notice',
    async () => {
      await act(`/rounds/${roundId}/public-notice`, { reason: '在区政府门户网站和《今日瓯海》公示' });
      const target = selected[0];
      const filedObjection = await must(
        http.post(`/public/candidates/${target}/objections`, { name: '张群众', contact: '13911112222', grounds: '反映其获奖经历与事实不符' }),
        'objection',
      );
      await opts.at?.('objection', { roundId, year, listed, selected, objectionId: filedObjection.objectionId as string });
      const resolved = await act(`/objections/${filedObjection.objectionId}/resolution`, { outcome: 'dismissed', reason: '经调查核实，获奖经历属实' });
      await untilPhase('government_approval');
      return { candidateId: target, status: resolved.status as string };
    },
    (o) => `1 objection filed and ${o.status}; notice over`,
  );

  // 8. Government approval, the ceremony today, and the bonus tasks it creates.
  const commended = await phase(
    'approval & ceremony',
    async () => {
      await act(`/rounds/${roundId}/approval`, { approved: selected, notApproved: [] }, as('government', 'demo-gov'));
      await act(`/rounds/${roundId}/ceremony`, { date: shanghaiDate(Date.now()), place: '瓯海区行政中心', reason: '表彰大会' });
      await untilPhase('closed');
      return selected;
    },
    (c) => `${c.length} commended`,
  );
  const finance = as('finance', 'demo-finance');
  const bonusTasks = await phase(
    'bonus tasks',
    async () => {
      const tasks = await eventually(
        () =>
          must(http.get(`/finance/tasks?roundId=${roundId}&kind=bonus`, finance), 'finance tasks').then(
            (body: { items: Array<{ candidateId: string; kind: string }> }) => body.items,
          ),
        (list: Array<{ candidateId: string; kind: string }>) =>
          new Set(list.filter((t) => t.kind === 'bonus' && commended.includes(t.candidateId)).map((t) => t.candidateId)).size === commended.length,
        120_000,
        'a bonus task per commended master',
      );
      return tasks.filter((t: { candidateId: string; kind: string }) => t.kind === 'bonus' && commended.includes(t.candidateId)).length as number;
    },
    (b) => `${b} bonus tasks open`,
  );

  await opts.at?.('closed', { roundId, year, listed, selected });
  const funnel = await must(http.get(`/rounds/${roundId}/funnel`, auditor), 'funnel');
  const quotaUse = (await round()).quotaUse;
  return {
    roundId,
    year,
    quota,
    filed: filed.length,
    listed: listed.length,
    unfinished: unfinished.size,
    votesCast: votes.cast,
    votesRefused: votes.refused,
    selected,
    objection,
    commended,
    bonusTasks,
    funnel,
    quotaUse,
    phases,
  };
}

/** The report printed at the end: the funnel, the quota use, the time each phase took. */
export function report(r: DemoResult): string[] {
  const fmt = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    `round ${r.year} (${r.roundId})`,
    `funnel: ${r.funnel.files} files`,
    `  by stage:   ${fmt(r.funnel.byStage)}`,
    `  by status:  ${fmt(r.funnel.byStatus)}`,
    `  re-review list ${r.funnel.reReviewList}: ${fmt(r.funnel.byOutcome)}`,
    `quota use: ${r.quotaUse.selected} of ${r.quotaUse.quota} (${r.quotaUse.remaining} remaining)`,
    `votes: ${r.votesCast} cast, ${r.votesRefused} refused; bonus tasks: ${r.bonusTasks}`,
    `time per phase: ${r.phases.map((p) => `${p.phase} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}`,
  ];
}

/** A round in this year (Asia/Shanghai) if free, else in a free year up to 2099; another may take it meanwhile (409): try again. */
async function createRound(http: Http, office: string, quota: number) {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  for (let attempt = 0; attempt < 20; attempt++) {
    const listed = await http.get('/rounds', office);
    if (listed.status !== 200) throw new Error(`GET /rounds: ${listed.status} ${JSON.stringify(listed.body)}`);
    const taken = new Set((listed.body as Array<{ year: number }>).map((r) => r.year));
    const free = Array.from({ length: 2100 - thisYear }, (_, i) => thisYear + i).filter((y) => !taken.has(y));
    if (!free.length) break;
    const year = !taken.has(thisYear) && attempt === 0 ? thisYear : free[randomInt(free.length)];
    const res = await http.post(
      '/rounds',
      {
        year,
        quota,
        nominationOpensAt: new Date(now - HOUR).toISOString(),
        nominationClosesAt: new Date(now + DAY).toISOString(),
        reviewClosesAt: new Date(now + 10 * DAY).toISOString(),
      },
      office,
    );
    if (res.status === 201) return { roundId: res.body.roundId as string, year };
    if (res.status !== 409) throw new Error(`POST /rounds: ${res.status} ${JSON.stringify(res.body)}`);
  }
  throw new Error('no free year for a round');
}

/** A synthetic but valid application form (附件2): a GB 11643 ID number of Ouhai, a Chinese name, deeds in the trade. */
function nominationBody(i: number, channel: (typeof CHANNELS)[number], area: string, roundId: string, year: number) {
  const idNumber = syntheticId(i);
  const ind = INDUSTRIES[i % INDUSTRIES.length];
  const name = SURNAMES[randomInt(SURNAMES.length)] + GIVEN[(i * 5 + randomInt(3)) % GIVEN.length];
  const years = 8 + randomInt(25);
  const opinionDate = shanghaiDate(Date.now());
  return {
    roundId,
    channel,
    name,
    idNumber,
    sex: sexOf(idNumber),
    birthDate: birthDateOf(idNumber),
    ethnicity: '汉族',
    education: ['初中', '高中', '中专', '大专'][i % 4],
    politicalAffiliation: i % 3 ? '群众' : '中共党员',
    employer: ind.employer,
    position: `${ind.trade}班组长`,
    homeAddress: `浙江省温州市瓯海区${area}村${1 + (i % 60)}号`,
    mobile: `139${String(randomInt(100_000_000)).padStart(8, '0')}`,
    industry: ind.industry,
    trade: ind.trade,
    yearsOfWork: years,
    skillLevel: SKILLS[i % SKILLS.length],
    consent: { signedOn: opinionDate, attestedBy: `${area}总工会` },
    honours: [`${year - 3 - (i % 5)}年瓯海区技术能手`],
    achievements: `改进${ind.trade}工装夹具，良品率提高${3 + (i % 9)}%`,
    deeds: `${ind.deed}${years}年，带徒${5 + (i % 20)}人，多次解决生产技术难题，获评企业“工匠之星”。`,
    conditions: [
      { kind: 'superb_skill', evidence: '区技能竞赛一等奖' },
      { kind: 'leading_role', evidence: `带徒${5 + (i % 20)}人，名师带徒` },
    ],
    nominatorOpinion: { text: '同意推荐', sealed: true, date: opinionDate },
    ...(channel === 'organisational' && { area, endorserOpinion: { text: '同意推荐', sealed: true, date: opinionDate } }),
    ...(channel === 'competition' && {
      competition: { name: `${year - 1}年瓯海区${ind.trade}职业技能竞赛`, year: year - 1, placing: 1 + (i % 3), organiser: '瓯海区总工会' },
    }),
  };
}

/** Ouhai's region code, a working-age birth date, a sequence unique to the cohort index, the check character. */
function syntheticId(i: number): string {
  const y = 1966 + randomInt(30);
  const m = String(1 + randomInt(12)).padStart(2, '0');
  const d = String(1 + randomInt(28)).padStart(2, '0');
  const first17 = `330304${y}${m}${d}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

interface Reply {
  status: number;
  body: any; // JSON as the API answers it
}

function client(base: string) {
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<Reply> => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string, token?: string) => call('GET', path, undefined, token),
    post: (path: string, body: unknown, token?: string) => call('POST', path, body, token),
  };
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
