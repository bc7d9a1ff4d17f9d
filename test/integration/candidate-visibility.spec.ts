import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RECUSED_SAME_EMPLOYER } from '../../apps/api/src/candidates/panel-screening';
import type { Role } from '../../libs/contract';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';
import { approve, closeRounds, createLegacyRound, decide, idNumber, mobileNumber, openDb, streetUnion, type TestRound } from '../support/review-helpers';

jest.setTimeout(180_000);

type Body = Record<string, any>;
interface Caller {
  role: Role;
  sub: string;
  token: string;
}

const CONFLICT_REASON = '曾与候选人合作技术攻关项目';

/**
 * Who sees what of a file, through HTTP, in the GET and in the reply to every action: the programme
 * office and auditors see the experts and each score; an expert only its own seat; every other role
 * the panel's result alone. Personal data in clear for the office only.
 */
describe('who sees what of a file, in every response (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-visibility-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;

  const caller = (role: Role, sub = `${role}-vis-${randomUUID().slice(0, 6)}`, as = token(role, sub)): Caller => ({ role, sub, token: as });
  const office = caller('union_office');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    // Per-file decisions up to commendation: a round from before rounds ran as workflows (the round's own path is annual-round.spec).
    round = await createLegacyRound(db);
  });
  afterAll(async () => {
    await closeRounds(db, round ? [round.roundId] : []);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  async function nominate(overrides: Record<string, unknown> = {}) {
    const nominator = caller('nominator');
    const id = idNumber();
    const mobile = mobileNumber();
    const res = await http.post('/nominations', nomination({ idNumber: id, mobile, roundId: round.roundId, channel: 'association', ...overrides }), nominator.token);
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return { candidateId: res.body.candidateId as string, nominator, idNumber: id, mobile };
  }

  /**
   * Asserts what `who` may see in a response showing the candidate: `panel` (every seat's user id and
   * the secrets — scores, reasons — of the seats it must not see), and personal data.
   */
  function expectShown(
    res: { status: number; body: Body },
    who: Caller,
    panel: { all: string[]; secrets?: Record<string, string[]> },
    pii: { idNumber: string; mobile: string },
  ) {
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    const seen = (res.body.panel as Array<{ userId: string }>).map((s) => s.userId);
    const mayKnow = who.role === 'union_office' || who.role === 'auditor' ? panel.all : who.role === 'expert' ? panel.all.filter((u) => u === who.sub) : [];
    expect(seen).toEqual(mayKnow);
    for (const userId of panel.all.filter((u) => !mayKnow.includes(u))) {
      expect(text).not.toContain(userId);
      for (const secret of panel.secrets?.[userId] ?? []) expect(text).not.toContain(secret);
    }
    expect(res.body.panelSummary).toEqual(expect.objectContaining({ seated: expect.any(Number), scored: expect.any(Number) }));
    if (who.role === 'union_office') {
      expect(res.body).toMatchObject({ idNumber: pii.idNumber, mobile: pii.mobile });
      expect(res.body.form.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } else {
      // Beside the masked number, the birth year only: the full date would give back the digits the mask hides.
      expect(res.body.form).not.toHaveProperty('birthDate');
      expect(res.body.form.birthYear).toBe(Number(pii.idNumber.slice(6, 10)));
      expect(text).not.toContain(pii.idNumber);
      expect(text).not.toContain(pii.mobile);
      expect(res.body.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    }
  }

  it('shows each role its share of the panel in the GET and in the reply to every decision, resubmission, panel, conflict, score and departure', async () => {
    const { candidateId, nominator, ...pii } = await nominate({ channel: 'organisational', area: 'louqiao', employer: '温州金鹰鞋业有限公司' });
    const tag = candidateId.slice(0, 8);
    const louqiao = caller('street_union', `su-louqiao-${tag}`, streetUnion('louqiao', `su-louqiao-${tag}`));
    const inspector = caller('inspector');
    const leadership = caller('leadership');
    const government = caller('government');
    const path = (action: string) => `/candidates/${candidateId}/${action}`;
    const [a, b, c, d, e, g, colleague] = ['a', 'b', 'c', 'd', 'e', 'g', 'colleague'].map((x) => caller('expert', `expert-${tag}-${x}`));
    // Marks chosen so each expert's scores are recognisable in any response.
    const marks: Record<string, [number, number]> = { [a.sub]: [81, 84], [b.sub]: [71, 73], [d.sub]: [91, 93], [e.sub]: [61, 63], [g.sub]: [97, 99] };
    const secrets: Record<string, string[]> = Object.fromEntries(
      Object.entries(marks).map(([u, [x, y]]) => [u, [`"superb_skill":${x}`, `"leading_role":${y}`, `"averageCenti":${(x + y) * 50}`]]),
    );
    secrets[c.sub] = [CONFLICT_REASON];
    secrets[colleague.sub] = [RECUSED_SAME_EMPLOYER];
    const everyone = [a, b, c, d, e, colleague, g].map((x) => x.sub);

    // Before any panel: endorsement, qualification and inspection replies show no seat and mask personal data but for the office.
    const nobody = { all: [] as string[] };
    expectShown(await decide(http, candidateId, 'endorsement', { reason: '同意推荐' }, louqiao.token), louqiao, nobody, pii);
    expectShown(await decide(http, candidateId, 'qualification', { reason: '资格审核通过' }, office.token), office, nobody, pii);
    expectShown(await decide(http, candidateId, 'inspection', { reason: '考察合格', visit: VISIT }, inspector.token), inspector, nobody, pii);

    // The panel: five experts and one of the candidate's employer, written another way (recused automatically).
    const seated = await http.post(
      path('panel'),
      { experts: [...[a, b, c, d, e].map((x, i) => ({ userId: x.sub, employer: `温州大学${i}` })), { userId: colleague.sub, employer: '金鹰鞋业' }] },
      office.token,
    );
    const panelSoFar = [a, b, c, d, e, colleague].map((x) => x.sub);
    expectShown(seated, office, { all: panelSoFar }, pii);
    expect(seated.body.panel.find((s: Body) => s.userId === colleague.sub)).toMatchObject({ status: 'recused', reason: RECUSED_SAME_EMPLOYER });

    // A conflict: the expert's reply shows its own seat and reason, no other expert.
    const conflict = await http.post(path('conflicts'), { reason: CONFLICT_REASON }, c.token);
    expectShown(conflict, c, { all: panelSoFar, secrets }, pii);
    expect(conflict.body.panel).toEqual([expect.objectContaining({ userId: c.sub, status: 'conflict', reason: CONFLICT_REASON })]);
    expectShown(await http.post(path('panel'), { experts: [{ userId: g.sub, employer: '温州职业技术学院' }] }, office.token), office, { all: everyone }, pii);

    // Scores, one expert after another: each reply shows the scorer's own seat and nobody else's marks.
    for (const x of [a, b, d, e, g]) {
      const [superb, leading] = marks[x.sub];
      const reply = await http.post(path('scores'), { scores: { superb_skill: superb, leading_role: leading } }, x.token);
      expectShown(reply, x, { all: everyone, secrets }, pii);
      expect(reply.body.panel).toEqual([expect.objectContaining({ userId: x.sub, status: 'scored', scores: { superb_skill: superb, leading_role: leading } })]);
    }
    const last = await http.get(`/candidates/${candidateId}`, office.token);
    expect(last.body).toMatchObject({ stage: 'voting', panelSummary: { seated: 5, scored: 5, recused: 1, conflicts: 1 } });
    const expertScore = last.body.expertScore;
    expect(expertScore).toMatchObject({ counted: 3, dropped: 2 });

    // The file as every role reads it: the experts for the office and auditors, the panel's result for all.
    const readers = [office, caller('auditor'), a, inspector, caller('admin'), nominator, louqiao];
    for (const who of readers) {
      const res = await http.get(`/candidates/${candidateId}`, who.token);
      expectShown(res, who, { all: everyone, secrets }, pii);
      expect(res.body).toMatchObject({ expertScore, panelSummary: { seated: 5, scored: 5, recused: 1, conflicts: 1 } });
    }
    // The leadership group and the government see a file once it is on their lists (from the leadership's review); finance never.
    for (const who of [leadership, government]) expect((await http.get(`/candidates/${candidateId}`, who.token)).status).toBe(404);
    expect((await http.get(`/candidates/${candidateId}`, caller('finance').token)).status).toBe(403);

    // The stages after the panel: each decision's reply, a return and its resubmission, the departure.
    expectShown(await decide(http, candidateId, 'voting', { reason: '网络投票结束' }, office.token), office, { all: everyone }, pii);
    const returned = await decide(http, candidateId, 'leadership', { outcome: 'return', reason: '补充带徒材料', missing: ['apprentices'] }, leadership.token);
    expectShown(returned, leadership, { all: everyone, secrets }, pii);
    const resubmitted = await http.post(path('resubmissions'), { note: '已补充带徒名单' }, nominator.token);
    expectShown(resubmitted, nominator, { all: everyone, secrets }, pii);
    expect(resubmitted.body).toMatchObject({ stage: 'leadership', status: 'awaiting_decision', expertScore });
    expectShown(await decide(http, candidateId, 'leadership', { reason: '同意列入正式候选名单' }, leadership.token), leadership, { all: everyone, secrets }, pii);
    await eventually(
      () => http.get(`/candidates/${candidateId}`, office.token),
      (r) => r.body.stage === 'government_approval',
    );
    expectShown(await decide(http, candidateId, 'government_approval', { reason: '区政府审定同意' }, government.token), government, { all: everyone, secrets }, pii);
    const commended = await decide(http, candidateId, 'commendation', { reason: '表彰大会命名' }, office.token);
    expectShown(commended, office, { all: everyone }, pii);
    expect(commended.body).toMatchObject({ stage: 'payments', status: 'paying' });
    const departed = await http.post(path('departure'), { leftOn: '2031-03-15', reason: '调往杭州工作' }, office.token);
    expectShown(departed, office, { all: everyone }, pii);
    expect(departed.body.departure).toMatchObject({ leftOn: '2031-03-15' });
  });

  it("shows the nominator withdrawing only the panel's result, the office disqualifying every expert", async () => {
    const withdrawn = await nominate();
    const disqualified = await nominate();
    for (const n of [withdrawn, disqualified]) {
      await approve(http, n.candidateId, 'qualification');
      await approve(http, n.candidateId, 'inspection', { visit: VISIT });
      await scoreThroughApi(http, n.candidateId, [80, 85, 90, 70, 95]);
    }
    const expertsOf = (candidateId: string) => [0, 1, 2, 3, 4].map((i) => `expert-${candidateId.slice(0, 8)}-${i}`);

    const byNominator = await http.post(`/candidates/${withdrawn.candidateId}/withdrawal`, { reason: '候选人调离本区' }, withdrawn.nominator.token);
    expectShown(byNominator, withdrawn.nominator, { all: expertsOf(withdrawn.candidateId) }, withdrawn);
    expect(byNominator.body).toMatchObject({ status: 'withdrawn', expertScore: { scoreCenti: 8500 }, panelSummary: { seated: 5, scored: 5 } });
    expect(JSON.stringify(byNominator.body)).not.toContain('"scores"');

    const byOffice = await http.post(`/candidates/${disqualified.candidateId}/disqualification`, { reason: '荣誉材料不实' }, office.token);
    expectShown(byOffice, office, { all: expertsOf(disqualified.candidateId) }, disqualified);
    expect(byOffice.body.status).toBe('disqualified');
    expect(byOffice.body.panel.every((s: Body) => s.scores)).toBe(true);
  });

  it('refuses to show a file to an expert off its panel (404), in the GET as in an action', async () => {
    const { candidateId } = await nominate();
    await approve(http, candidateId, 'qualification');
    await approve(http, candidateId, 'inspection', { visit: VISIT });
    const outsider = caller('expert');
    expect((await http.get(`/candidates/${candidateId}`, outsider.token)).status).toBe(404);
    expect((await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 90, leading_role: 90 } }, outsider.token)).status).toBe(404);
    expect((await http.post(`/candidates/${candidateId}/conflicts`, { reason: '无' }, outsider.token)).status).toBe(404);
  });

  it('shuts a recused or conflicted expert out of the file and its documents; the leadership group reads no document', async () => {
    const { candidateId } = await nominate({ employer: '温州金鹰鞋业有限公司' });
    await approve(http, candidateId, 'qualification');
    await approve(http, candidateId, 'inspection', { visit: VISIT });
    const tag = candidateId.slice(0, 8);
    const [stays, leaves, colleague] = ['stays', 'leaves', 'colleague'].map((x) => caller('expert', `expert-${tag}-${x}`));
    const seated = await http.post(
      `/candidates/${candidateId}/panel`,
      {
        experts: [
          { userId: stays.sub, employer: '温州大学' },
          { userId: leaves.sub, employer: '温州职业技术学院' },
          { userId: colleague.sub, employer: '金鹰鞋业' },
        ],
      },
      office.token,
    );
    expect(seated.status).toBe(200);
    expect((await http.post(`/candidates/${candidateId}/conflicts`, { reason: CONFLICT_REASON }, leaves.token)).status).toBe(200);
    const seen = async (who: Caller) => [
      (await http.get(`/candidates/${candidateId}`, who.token)).status,
      (await http.get(`/candidates/${candidateId}/attachments`, who.token)).status,
    ];
    expect(await seen(stays)).toEqual([200, 200]);
    expect(await seen(leaves)).toEqual([404, 404]);
    expect(await seen(colleague)).toEqual([404, 404]);
    for (const role of ['leadership', 'government', 'finance', 'admin'] as const) {
      expect([role, (await http.get(`/candidates/${candidateId}/attachments`, token(role))).status]).toEqual([role, 403]);
    }
  });
});
