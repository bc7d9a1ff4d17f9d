import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { client, eventually, nomination, startApi, startWorker, token, VISIT } from '../support/service';
import { startTestIssuer } from '../support/oidc';
import { approve, closeRounds, createLegacyRound, decide, idNumber, mobileNumber, openDb, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

const EMPLOYER = '温州瓯海眼镜有限公司';

/**
 * The review stages through HTTP: each channel's first stage, qualification pre-checks and their
 * override, the inspection visit, return and resubmission with a new form version, the expert
 * panel (recusal, conflicts, private scores, trimmed mean, ranking), withdrawal, disqualification,
 * and the log of refused attempts.
 */
describe('review through the API (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-review-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  const office = token('union_office', 'office-review');
  const auditor = token('auditor', 'auditor-review');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    // Per-file decisions past expert review: a round from before rounds ran as workflows (the round's own path is annual-round.spec).
    round = await createLegacyRound(db);
  });
  afterAll(async () => {
    await closeRounds(db, round ? [round.roundId] : []);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  /** Files a nomination for a new person in this file's round; returns its id and the nominator's token. */
  async function nominate(overrides: Record<string, unknown> = {}, nominatorSub = `nom-${randomUUID().slice(0, 8)}`) {
    const asNominator = token('nominator', nominatorSub);
    const res = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association', ...overrides }),
      asNominator,
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return { candidateId: res.body.candidateId as string, asNominator, nominatorSub };
  }
  const file = (id: string, as = office) => http.get(`/candidates/${id}`, as);

  /** An association nomination taken through qualification and inspection: at expert review, awaiting its panel. */
  async function atExpertReview(overrides: Record<string, unknown> = {}) {
    const n = await nominate(overrides);
    await approve(http, n.candidateId, 'qualification');
    const state = await approve(http, n.candidateId, 'inspection', { visit: VISIT });
    expect(state).toMatchObject({ stage: 'expert_review', status: 'awaiting_panel' });
    return n;
  }

  describe("each channel's first stage", () => {
    it('is endorsement for an organisational nomination, qualification for association, self and competition', async () => {
      const organisational = await nominate({ channel: 'organisational' });
      expect((await file(organisational.candidateId)).body).toMatchObject({ channel: 'organisational', stage: 'endorsement', status: 'awaiting_decision' });
      for (const channel of ['association', 'self'] as const) {
        const n = await nominate({ channel });
        expect((await file(n.candidateId)).body).toMatchObject({ channel, stage: 'qualification', status: 'awaiting_decision' });
      }
      const competition = await nominate({ channel: 'competition', competition: { name: '瓯海区职工技能竞赛（眼镜装配）', year: 2025, placing: 1 } });
      expect((await file(competition.candidateId)).body).toMatchObject({ channel: 'competition', stage: 'qualification', status: 'awaiting_decision' });
    });

    it('refuses a competition nomination without its competition (400), and a competition on another channel', async () => {
      const without = await http.post('/nominations', nomination({ idNumber: idNumber(), roundId: round.roundId, channel: 'competition' }), token('nominator'));
      expect(without.status).toBe(400);
      expect(without.body.fields).toEqual([{ field: 'competition', reason: expect.stringContaining('required for the competition channel') }]);
      const misplaced = await http.post(
        '/nominations',
        nomination({ idNumber: idNumber(), roundId: round.roundId, channel: 'self', competition: { name: '竞赛', year: 2025, placing: 2 } }),
        token('nominator'),
      );
      expect(misplaced.status).toBe(400);
      expect(misplaced.body.fields.map((f: { field: string }) => f.field)).toEqual(['competition']);
    });

    it('takes the endorsement decision from a street union, then qualification from the programme office', async () => {
      const { candidateId } = await nominate({ channel: 'organisational' });
      const endorsed = await decide(http, candidateId, 'endorsement', {}, token('street_union'));
      expect(endorsed).toMatchObject({ status: 200, body: { stage: 'qualification', status: 'awaiting_decision' } });
    });
  });

  describe('qualification and inspection', () => {
    it('refuses a plain approval while a pre-check fails (400 naming it), and takes it with overridePrechecks and a reason', async () => {
      const { candidateId } = await nominate({ yearsOfWork: 2 });
      const before = await file(candidateId);
      expect(before.body.prechecks.find((p: { check: string }) => p.check === 'years_of_work')).toMatchObject({ passed: false });

      const plain = await decide(http, candidateId, 'qualification', { reason: 'looks good' }, office);
      expect(plain.status).toBe(400);
      expect(plain.body.message).toContain('years_of_work');
      expect(plain.body.message).toContain('overridePrechecks');
      expect((await file(candidateId)).body).toMatchObject({ stage: 'qualification', status: 'awaiting_decision' });

      const overridden = await decide(http, candidateId, 'qualification', { overridePrechecks: true, reason: '两年一线工作，但获省级技能大赛一等奖，破格入围' }, office);
      expect(overridden.status).toBe(200);
      expect(overridden.body).toMatchObject({ stage: 'inspection', status: 'awaiting_decision' });
      expect(overridden.body.decisions.at(-1)).toMatchObject({ stage: 'qualification', outcome: 'approve', overridePrechecks: true });
    });

    it('refuses an inspection conclusion without the visit (400), and takes it with the visit', async () => {
      const { candidateId } = await nominate();
      await approve(http, candidateId, 'qualification');
      const inspector = token('inspector', 'inspector-review');
      const noVisit = await decide(http, candidateId, 'inspection', { reason: '考察合格' }, inspector);
      expect(noVisit.status).toBe(400);
      expect(noVisit.body.message).toContain('visit');
      const badVisit = await decide(http, candidateId, 'inspection', { reason: '考察合格', visit: { ...VISIT, members: [] } }, inspector);
      expect(badVisit.status).toBe(400);
      expect(badVisit.body.fields.map((f: { field: string }) => f.field)).toContain('visit.members');
      const withVisit = await decide(http, candidateId, 'inspection', { reason: '考察合格', visit: VISIT }, inspector);
      expect(withVisit.status).toBe(200);
      expect(withVisit.body).toMatchObject({ stage: 'expert_review', status: 'awaiting_panel' });
      expect(withVisit.body.decisions.at(-1)).toMatchObject({ stage: 'inspection', visit: VISIT, actor: { userId: 'inspector-review', role: 'inspector' } });
    });
  });

  describe('return and resubmission', () => {
    it('returns the file at inspection; the submitter resubmits a corrected form, inspection resumes, and version 2 is kept beside version 1', async () => {
      const { candidateId, asNominator, nominatorSub } = await nominate({ deeds: '第一版事迹' });
      await approve(http, candidateId, 'qualification');
      const returned = await decide(
        http,
        candidateId,
        'inspection',
        { outcome: 'return', reason: '缺少在岗年限证明', missing: ['proof of years in post', 'deeds'] },
        token('inspector'),
      );
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ stage: 'inspection', status: 'returned' });
      expect(returned.body.decisions.at(-1)).toMatchObject({ outcome: 'return', missing: ['proof of years in post', 'deeds'] });
      // While it is back with its submitter, the stage takes no decision.
      const meanwhile = await decide(http, candidateId, 'inspection', { visit: VISIT }, token('inspector'));
      expect(meanwhile.status).toBe(409);

      const deeds = '从事眼镜装配十五年，补充在岗证明，带徒二十余人。';
      const resubmitted = await http.post(
        `/candidates/${candidateId}/resubmissions`,
        { note: '补充在岗年限证明，更正工作年限', form: { yearsOfWork: 15, deeds } },
        asNominator,
      );
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', version: 2 });
      expect(resubmitted.body.resubmissions).toEqual([
        expect.objectContaining({
          stage: 'inspection',
          note: '补充在岗年限证明，更正工作年限',
          version: 2,
          actor: { issuer: 'urn:ouhai-masters:local', userId: nominatorSub, role: 'nominator' },
        }),
      ]);

      const now = await file(candidateId);
      expect(now.body).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', formVersion: 2, yearsOfWork: 15, form: { yearsOfWork: 15, deeds } });

      // The auditor's history shows the edit, field by field, old → new.
      const history = await http.get(`/candidates/${candidateId}/history`, auditor);
      expect(history.body.filter((e: { type: string }) => e.type === 'form_edited')).toEqual([
        expect.objectContaining({
          version: 2,
          userId: nominatorSub,
          note: '补充在岗年限证明，更正工作年限',
          changes: [
            { field: 'deeds', from: '第一版事迹', to: deeds },
            { field: 'yearsOfWork', from: 12, to: 15 },
          ],
        }),
      ]);

      const versions = await http.get(`/candidates/${candidateId}/versions`, office);
      expect(versions.status).toBe(200);
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect(versions.body[0]).toMatchObject({ version: 1, note: 'nominated', createdBy: nominatorSub, form: { yearsOfWork: 12, deeds: '第一版事迹' } });
      expect(versions.body[1]).toMatchObject({ version: 2, note: '补充在岗年限证明，更正工作年限', createdBy: nominatorSub, form: { yearsOfWork: 15, deeds } });
      // What did not change is carried over; the sensitive fields stay sealed.
      expect(versions.body[1].form.name).toBe(versions.body[0].form.name);
      expect([...versions.body[1].sealedFields].sort()).toEqual(['homeAddress', 'idNumber', 'mobile']);

      // Inspection resumes where it was.
      const concluded = await decide(http, candidateId, 'inspection', { visit: VISIT }, token('inspector'));
      expect(concluded).toMatchObject({ status: 200, body: { stage: 'expert_review' } });
    });

    it('refuses a resubmission while the file is not returned (409), changing nothing', async () => {
      const { candidateId, asNominator } = await nominate();
      const res = await http.post(`/candidates/${candidateId}/resubmissions`, { note: '再交一次', form: { yearsOfWork: 20 } }, asNominator);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain("not with its submitter (status 'awaiting_decision')");
      const versions = await http.get(`/candidates/${candidateId}/versions`, office);
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1]);
      expect((await file(candidateId)).body).toMatchObject({
        stage: 'qualification',
        status: 'awaiting_decision',
        formVersion: 1,
        version: 1,
        yearsOfWork: 12,
        resubmissions: [],
      });
    });
  });

  describe('expert review', () => {
    it('seats a panel with recusal, keeps scores private, takes a conflict, and ends at voting with the trimmed mean, in the ranking', async () => {
      const { candidateId } = await atExpertReview({ employer: EMPLOYER });
      const tag = candidateId.slice(0, 8);
      const [a, b, c, d, e, colleague] = ['a', 'b', 'c', 'd', 'e', 'colleague'].map((x) => `expert-${tag}-${x}`);
      const experts = [a, b, c, d, e].map((userId, i) => ({ userId, employer: `温州大学${i}` }));
      const seated = await http.post(`/candidates/${candidateId}/panel`, { experts: [...experts, { userId: colleague, employer: EMPLOYER }] }, office);
      expect(seated.status).toBe(200);
      expect(seated.body.stage).toBe('expert_review');
      expect(seated.body.status).toBe('scoring');
      expect(seated.body.panel.map((s: { userId: string; status: string }) => [s.userId, s.status])).toEqual([
        [a, 'assigned'],
        [b, 'assigned'],
        [c, 'assigned'],
        [d, 'assigned'],
        [e, 'assigned'],
        [colleague, 'recused'],
      ]);
      expect(seated.body.panel[5].reason).toContain('employer');

      // An expert not on the panel neither sees the file nor scores it; a recused one does not score.
      const outsider = token('expert', `expert-${tag}-outsider`);
      expect((await http.get(`/candidates/${candidateId}`, outsider)).status).toBe(404);
      const outsiderScores = await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 99, leading_role: 99 } }, outsider);
      expect(outsiderScores.status).toBe(404);
      const recusedScores = await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 99, leading_role: 99 } }, token('expert', colleague));
      // A recused expert has left the file: it no longer sees it (404), as if it did not exist.
      expect(recusedScores.status).toBe(404);

      const score = (userId: string, superb: number, leading: number) =>
        http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: superb, leading_role: leading } }, token('expert', userId));
      expect((await score(a, 80, 91)).status).toBe(200); // mean 85.5
      expect((await score(b, 70, 72)).status).toBe(200); // mean 71
      // A score for a condition the candidate does not claim is refused; scores are given once.
      const wrongKey = await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 90, leading_role: 90, craft_specialty: 90 } }, token('expert', d));
      expect(wrongKey.status).toBe(400);
      expect((await score(a, 10, 10)).status).toBe(409);

      // Each expert sees only its own seat: no other expert, no other scores.
      const seenBy = async (userId: string) => (await http.get(`/candidates/${candidateId}`, token('expert', userId))).body.panel as Array<Record<string, unknown>>;
      const byA = await seenBy(a);
      expect(byA.find((s) => s.userId === a)).toMatchObject({ status: 'scored', scores: { superb_skill: 80, leading_role: 91 }, averageCenti: 8550 });
      expect(byA.map((s) => s.userId)).toEqual([a]);
      const byB = await seenBy(b);
      expect(byB.find((s) => s.userId === b)).toMatchObject({ scores: { superb_skill: 70, leading_role: 72 }, averageCenti: 7100 });
      expect(byB.map((s) => s.userId)).toEqual([b]);
      const byC = await seenBy(c);
      expect(JSON.stringify(byC)).not.toContain('scores');
      // The office sees them all.
      expect((await file(candidateId)).body.panel.filter((s: { scores?: unknown }) => s.scores)).toHaveLength(2);

      // A conflict leaves four active seats: the panel waits for one more.
      const conflict = await http.post(`/candidates/${candidateId}/conflicts`, { reason: '曾与候选人合作项目' }, token('expert', c));
      expect(conflict.status).toBe(200);
      expect(conflict.body.status).toBe('awaiting_panel');
      expect(conflict.body.panel.find((s: { userId: string }) => s.userId === c)).toMatchObject({ status: 'conflict', reason: '曾与候选人合作项目' });
      // Having declared a conflict, the expert has left the file: it scores nothing and sees nothing of it.
      expect((await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 1, leading_role: 1 } }, token('expert', c))).status).toBe(404);
      const g = `expert-${tag}-g`;
      const reseated = await http.post(`/candidates/${candidateId}/panel`, { experts: [{ userId: g, employer: '温州职业技术学院' }] }, office);
      expect(reseated).toMatchObject({ status: 200, body: { status: 'scoring' } });

      expect((await score(d, 92, 92)).body.stage).toBe('expert_review'); // mean 92
      expect((await score(e, 60, 61)).body.stage).toBe('expert_review'); // mean 60.5
      const last = await score(g, 99, 99); // mean 99
      expect(last.status).toBe(200);
      // 60.5, 71, 85.5, 92, 99: the lowest and highest dropped, (71 + 85.5 + 92) / 3 = 82.8333…
      expect(last.body).toMatchObject({ stage: 'voting', status: 'awaiting_decision', expertScore: { scoreCenti: 8283, counted: 3, dropped: 2 } });
      expect((await file(candidateId)).body).toMatchObject({ stage: 'voting', expertScore: { scoreCenti: 8283 } });

      const ranking = await eventually(
        () => http.get(`/rounds/${round.roundId}/ranking`, office),
        (r) => r.status === 200 && r.body.ranking.some((x: { candidateId: string }) => x.candidateId === candidateId),
      );
      expect(ranking.body.ranking.find((x: { candidateId: string }) => x.candidateId === candidateId)).toMatchObject({
        score: 82.83,
        stage: 'voting',
        status: 'awaiting_decision',
        employer: EMPLOYER,
      });
    });

    it('takes no expert_review decision: the stage completes only by the scores', async () => {
      const { candidateId } = await atExpertReview();
      const res = await decide(http, candidateId, 'expert_review', {}, token('expert'));
      expect([404, 409]).toContain(res.status); // an expert off the panel does not even see the file
      const panelless = await http.post(`/candidates/${candidateId}/panel`, { experts: [{ userId: `ex-${candidateId.slice(0, 6)}`, employer: '某大学' }] }, office);
      expect(panelless.body.status).toBe('awaiting_panel'); // fewer than five
      const seatedExpert = await decide(http, candidateId, 'expert_review', {}, token('expert', `ex-${candidateId.slice(0, 6)}`));
      expect(seatedExpert.status).toBe(409);
      expect(seatedExpert.body.message).toContain('expert review takes no decision');
    });
  });

  describe('withdrawal and disqualification', () => {
    it('lets the submitting nominator withdraw; later decisions are refused (409)', async () => {
      const { candidateId, asNominator, nominatorSub } = await nominate();
      // Another nominator does not even see the file.
      expect((await http.post(`/candidates/${candidateId}/withdrawal`, { reason: '不是我的' }, token('nominator'))).status).toBe(404);
      const withdrawn = await http.post(`/candidates/${candidateId}/withdrawal`, { reason: '候选人调离本区' }, asNominator);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        status: 'withdrawn',
        closure: { kind: 'withdrawn', reason: '候选人调离本区', actor: { userId: nominatorSub, role: 'nominator' } },
      });
      const later = await decide(http, candidateId, 'qualification', {}, office);
      expect(later.status).toBe(409);
      // Refused by the file while it closes, or by the engine once it has closed: either way the reason is given.
      expect(later.body.message).toMatch(/withdrawn|closed/);
      // Once the workflow has finished, an Update is answered NOT_FOUND by Temporal: still a 409, not a 404.
      await eventually(
        () => http.get(`/candidates/${candidateId}/history`, auditor),
        (r) => r.status === 200 && r.body.some((e: { type: string }) => e.type === 'closed'),
      );
      const afterClose = [
        await decide(http, candidateId, 'qualification', {}, office),
        await http.post(`/candidates/${candidateId}/disqualification`, { reason: '材料不实' }, office),
        await http.post(`/candidates/${candidateId}/withdrawal`, { reason: 'again' }, asNominator),
      ];
      expect(afterClose.map((r) => [r.status, r.body.message])).toEqual(Array(3).fill([409, 'the candidacy is closed; no decision can be taken']));
      expect((await file(candidateId)).body.status).toBe('withdrawn');
    });

    it('knows the submitter by issuer, subject and role: a token that only shares the subject cannot withdraw', async () => {
      // An office user files; a nominator token whose subject is that user's id does not see the file.
      const officeSub = `office-${randomUUID().slice(0, 8)}`;
      const filed = await http.post(
        '/nominations',
        nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association' }),
        token('union_office', officeSub),
      );
      expect(filed.status).toBe(201);
      expect((await http.post(`/candidates/${filed.body.candidateId}/withdrawal`, { reason: '冒名撤回' }, token('nominator', officeSub))).status).toBe(404);
      expect((await http.get(`/candidates/${filed.body.candidateId}`, token('nominator', officeSub))).status).toBe(404);
      expect((await http.get(`/candidates?roundId=${round.roundId}`, token('nominator', officeSub))).body.items).toEqual([]);

      // A nominator files; a token of another issuer with the same subject and role is somebody else.
      const { candidateId, nominatorSub } = await nominate();
      const idp = await startTestIssuer('https://idp.test/realms/other', 'ouhai-masters-api');
      const other = await startApi(idp.env);
      try {
        const sameSubject = await (await idp.rotate('ES256', 'other-1'))(nominatorSub, { role: 'nominator' });
        const otherHttp = client(other.url);
        expect((await otherHttp.post(`/candidates/${candidateId}/withdrawal`, { reason: '冒名撤回' }, sameSubject)).status).toBe(404);
        expect((await otherHttp.get(`/candidates/${candidateId}`, sameSubject)).status).toBe(404);
      } finally {
        await other.close();
        await idp.close();
      }
      expect((await file(candidateId)).body.status).not.toBe('withdrawn');
    });

    it('lets the programme office disqualify; a nominator cannot (403)', async () => {
      const { candidateId, asNominator } = await nominate();
      await approve(http, candidateId, 'qualification');
      const byNominator = await http.post(`/candidates/${candidateId}/disqualification`, { reason: '我要取消' }, asNominator);
      expect(byNominator.status).toBe(403);
      expect((await file(candidateId)).body).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', closure: null });

      const noReason = await http.post(`/candidates/${candidateId}/disqualification`, { reason: '' }, office);
      expect(noReason.status).toBe(400);
      const disqualified = await http.post(`/candidates/${candidateId}/disqualification`, { reason: '经核查，荣誉材料不实' }, office);
      expect(disqualified.status).toBe(200);
      expect(disqualified.body).toMatchObject({ stage: 'inspection', status: 'disqualified', closure: { kind: 'disqualified', reason: '经核查，荣誉材料不实' } });
      // Right after, while the workflow closes or once it has: a 409 either way, never a 404.
      expect((await decide(http, candidateId, 'inspection', { visit: VISIT }, token('inspector'))).status).toBe(409);
    });
  });

  describe('refused attempts', () => {
    it("logs a wrong-stage (409) and a wrong-role (403) decision for the auditor, out of the workflow's timeline and in the audit log's entries of the history", async () => {
      const { candidateId } = await nominate();
      const wrongStage = await decide(http, candidateId, 'voting', { reason: '提前结束投票' }, token('union_office', 'office-early'));
      expect(wrongStage.status).toBe(409);
      const wrongRole = await decide(http, candidateId, 'qualification', { reason: '考察组代为审核' }, token('inspector', 'inspector-overreach'));
      expect(wrongRole.status).toBe(403);
      const accepted = await decide(http, candidateId, 'qualification', { reason: '资格审核通过' }, token('union_office', 'office-ok'));
      expect(accepted.status).toBe(200);

      const refused = await http.get(`/candidates/${candidateId}/refused-decisions`, auditor);
      expect(refused.status).toBe(200);
      expect(refused.body).toEqual([
        expect.objectContaining({
          candidateId,
          userId: 'office-early',
          role: 'union_office',
          action: 'decide',
          httpStatus: 409,
          refusal: "the candidate is at stage 'qualification', not 'voting'",
          request: expect.objectContaining({ stage: 'voting', reason: '提前结束投票' }),
          at: expect.any(String),
        }),
        expect.objectContaining({
          candidateId,
          userId: 'inspector-overreach',
          role: 'inspector',
          action: 'decide',
          httpStatus: 403,
          refusal: expect.stringContaining("role 'inspector' does not decide stage 'qualification'"),
        }),
      ]);
      // Only the programme office, auditors and admins read it.
      expect((await http.get(`/candidates/${candidateId}/refused-decisions`, token('inspector'))).status).toBe(403);

      const history = await http.get(`/candidates/${candidateId}/history`, auditor);
      expect(history.status).toBe(200);
      const decisions = history.body.filter((e: { type: string }) => e.type === 'decision');
      expect(decisions).toEqual([
        expect.objectContaining({ stage: 'qualification', outcome: 'approve', role: 'union_office', userId: 'office-ok', reason: '资格审核通过' }),
      ]);
      // The workflow's own entries never saw them; the audit log's entries show them as refused.
      const text = JSON.stringify(history.body.filter((e: { type: string }) => e.type !== 'audit'));
      for (const refusedText of ['提前结束投票', '考察组代为审核', 'office-early', 'inspector-overreach']) expect(text).not.toContain(refusedText);
      const refusedInAudit = history.body.filter((e: { type: string; action?: string }) => e.type === 'audit' && e.action === 'request.refused');
      expect(refusedInAudit.map((e: { userId: string; status: number }) => [e.userId, e.status])).toEqual([
        ['office-early', 409],
        ['inspector-overreach', 403],
        [expect.stringMatching(/^inspector-/), 403], // the inspector's attempt to read the refusals
      ]);
    });
  });
});
