import { randomUUID } from 'node:crypto';
import { approvedMaster, masterStack } from '../support/master-stack';
import { createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { act, today, untilPhase } from '../support/round-driver';
import { eventually, nomination, token } from '../support/service';

jest.setTimeout(180_000);

/** Skill competitions (赛): the record, a winner nominated on it, verified at qualification, and named. */
describe('competitions over HTTP (real Temporal dev server and PostgreSQL)', () => {
  const stack = masterStack({ TEMPORAL_TASK_QUEUE: `it-competitions-${randomUUID()}` });
  const office = token('union_office', 'office-competitions');
  const tag = randomUUID().slice(0, 4);
  const winner = `赛冠${tag}`;
  const second = `赛亚${tag}`;

  async function recordCompetition() {
    const created = await stack.http.post(
      '/competitions',
      { name: `瓯海区职工技能竞赛（眼镜装配）${tag}`, trade: '眼镜装配', heldOn: '2031-03-20', level: 'district', organiser: '瓯海区总工会' },
      office,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ level: 'district', heldOn: '2031-03-20', results: [], nominated: [], named: [] });
    const withResults = await stack.http.post(
      `/competitions/${created.body.id}/results`,
      {
        results: [
          { name: second, employer: '温州瓯海光学有限公司', placing: 2, award: '二等奖' },
          { name: winner, employer: '温州瓯海眼镜有限公司', placing: 1, award: '一等奖' },
        ],
      },
      office,
    );
    expect(withResults.status).toBe(201);
    expect(withResults.body.results.map((r: { name: string; placing: number }) => [r.name, r.placing])).toEqual([
      [winner, 1],
      [second, 2],
    ]);
    return { competitionId: created.body.id as string, first: withResults.body.results[0].id as string, secondId: withResults.body.results[1].id as string };
  }

  it('refuses a malformed competition or result naming the field, and any role but the office', async () => {
    const { http } = stack;
    const bad = await http.post('/competitions', { name: '竞赛', trade: '制鞋', heldOn: '2031-02-30', level: 'county', organiser: '区总工会' }, office);
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['heldOn', 'level']);
    expect(
      (await http.post('/competitions', { name: '竞赛', trade: '制鞋', heldOn: '2031-02-01', level: 'city', organiser: '区总工会' }, token('nominator'))).status,
    ).toBe(403);

    const { competitionId } = await recordCompetition();
    const noPlacing = await http.post(`/competitions/${competitionId}/results`, { results: [{ name: '某人', employer: '某厂', placing: 0 }] }, office);
    expect(noPlacing.status).toBe(400);
    expect(noPlacing.body.fields).toEqual([{ field: 'results.0.placing', reason: 'placing must be 1 or more' }]);
    expect((await http.post(`/competitions/${randomUUID()}/results`, { results: [{ name: '某人', employer: '某厂', placing: 1 }] }, office)).status).toBe(404);
    expect((await http.get(`/competitions/${randomUUID()}`, office)).status).toBe(404);
  });

  it('nominates the winner with the result linked, refuses a name that is not the competitor’s or a result not recorded, verifies it at qualification, and shows who was nominated and named', async () => {
    const { http } = stack;
    const { competitionId, first, secondId } = await recordCompetition();
    const { roundId: openRound } = await createRound(http);
    stack.roundIds.push(openRound);
    const linkedForm = (over: Record<string, unknown>) =>
      nomination({ roundId: openRound, idNumber: idNumber(), mobile: mobileNumber(), channel: 'competition', employer: '温州瓯海眼镜有限公司', ...over });

    // Somebody else's placing, a result never recorded, and a placing typed in beside the link: each a 400 naming the field.
    const mismatch = await http.post('/nominations', linkedForm({ name: winner, competitionResultId: secondId }), token('nominator'));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.fields).toEqual([{ field: 'name', reason: `name does not match the competitor recorded for competitionResultId ${secondId}` }]);
    const unknown = randomUUID();
    const missing = await http.post('/nominations', linkedForm({ name: winner, competitionResultId: unknown }), token('nominator'));
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([{ field: 'competitionResultId', reason: expect.stringContaining(`no competition result ${unknown} is recorded`) }]);
    const both = await http.post(
      '/nominations',
      linkedForm({ name: winner, competitionResultId: first, competition: { name: '竞赛', year: 2031, placing: 1 } }),
      token('nominator'),
    );
    expect(both.status).toBe(400);
    expect(both.body.fields.map((f: { field: string }) => f.field)).toEqual(['competition']);
    const elsewhere = await http.post('/nominations', linkedForm({ name: winner, channel: 'self', competitionResultId: first }), token('nominator'));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.fields.map((f: { field: string }) => f.field)).toEqual(['competitionResultId']);

    // The winner, linked: the form takes the competition from the record, and qualification sees it verified.
    const { roundId, candidateId } = await approvedMaster(stack, {
      name: `${winner.slice(0, 2)} ${winner.slice(2)}`,
      channel: 'competition',
      competitionResultId: first,
    });
    const file = await http.get(`/candidates/${candidateId}`, office);
    expect(file.body.competitionResultId).toBe(first);
    expect(file.body.form.competition).toEqual({ name: `瓯海区职工技能竞赛（眼镜装配）${tag}`, year: 2031, placing: 1, organiser: '瓯海区总工会' });
    const check = file.body.prechecks.find((p: { check: string }) => p.check === 'competition_result');
    expect(check).toEqual({ check: 'competition_result', passed: true, detail: expect.stringContaining('verified against the record') });
    expect(check.detail).toContain('placing 1 一等奖');
    expect(file.body.decisions.find((d: { stage: string }) => d.stage === 'qualification')).toBeDefined();

    // A placing typed in is not verified: the pre-check says so.
    const typed = await http.post(
      '/nominations',
      linkedForm({ name: `打字${tag}`, competition: { name: '某竞赛', year: 2031, placing: 3 }, competitionResultId: undefined }),
      token('nominator'),
    );
    expect(typed.status).toBe(201);
    const typedFile = await http.get(`/candidates/${typed.body.candidateId}`, office);
    expect(typedFile.body.prechecks.find((p: { check: string }) => p.check === 'competition_result')).toMatchObject({ passed: false });

    // The office sees the file on the competition; the nominator sees the placings only.
    const before = await http.get(`/competitions/${competitionId}`, office);
    expect(before.body.nominated).toEqual([expect.objectContaining({ candidateId, resultId: first, roundId, commendedOn: null })]);
    expect(before.body.named).toEqual([]);
    const asNominator = await http.get(`/competitions/${competitionId}`, token('nominator'));
    expect(asNominator.status).toBe(200);
    expect(asNominator.body.results).toHaveLength(2);
    expect(asNominator.body.nominated).toBeUndefined();
    expect(asNominator.body.named).toBeUndefined();

    // The ceremony names the master: the competition shows who was named.
    await act(http, `/rounds/${roundId}/ceremony`, { date: today(), reason: '表彰大会' });
    await untilPhase(http, roundId, 'closed');
    const after = await eventually(
      () => http.get(`/competitions/${competitionId}`, token('auditor')),
      (r) => r.body.named?.length === 1,
    );
    expect(after.body.named).toEqual([expect.objectContaining({ candidateId, name: `${winner.slice(0, 2)} ${winner.slice(2)}`, commendedOn: today() })]);

    const listed = await http.get(`/competitions?year=2031&level=district&trade=${encodeURIComponent('眼镜装配')}`, token('leadership'));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: competitionId, results: 2 })]));
    expect((await http.get('/competitions?year=abc', office)).body.fields.map((f: { field: string }) => f.field)).toEqual(['year']);

    // Every write is on the audit chain under its competition.
    const [{ n }] = await stack.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE object_type = 'competition' AND object_id = $1 AND status = 201`, [
      competitionId,
    ]);
    expect(n).toBe(1);
  });
});
