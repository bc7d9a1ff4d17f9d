import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RECUSED_ON_CONFIRMATION, RECUSED_SAME_EMPLOYER } from '../../apps/api/src/candidates/panel-screening';
import { client, nomination, startApi, startWorker, token, VISIT } from '../support/service';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

const EMPLOYER = '温州金鹰鞋业有限公司';

/**
 * Recusal by employer (回避) through HTTP: the same employer written another way is recused without
 * asking; an employer that only resembles the candidate's stops the seating (409) until the office
 * confirms, expert by expert, to recuse or keep; every recusal and confirmation is kept for the auditor.
 */
describe('recusal by employer when seating a panel (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-recusal-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  const officeSub = 'office-recusal';
  const office = token('union_office', officeSub);
  const auditor = token('auditor', 'auditor-recusal');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    round = await createRound(http);
  });
  afterAll(async () => {
    await closeRounds(db, round ? [round.roundId] : []);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  async function nominate() {
    const res = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association', employer: EMPLOYER }),
      token('nominator'),
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.candidateId as string;
  }
  async function atExpertReview() {
    const candidateId = await nominate();
    await approve(http, candidateId, 'qualification');
    await approve(http, candidateId, 'inspection', { visit: VISIT });
    return candidateId;
  }
  const unrelated = (tag: string) => [0, 1, 2, 3, 4].map((i) => ({ userId: `expert-${tag}-${i}`, employer: `温州大学${i}` }));
  const recusals = (candidateId: string, as = auditor) => http.get(`/candidates/${candidateId}/recusals`, as);

  it('stops the seating (409, nobody seated) while an employer resembling the candidate’s is unconfirmed, and logs the refusal', async () => {
    const candidateId = await atExpertReview();
    const tag = candidateId.slice(0, 8);
    const experts = [
      ...unrelated(tag),
      { userId: `expert-${tag}-glasses`, employer: '金鹰眼镜有限公司' },
      { userId: `expert-${tag}-short`, employer: '金鹰' },
      { userId: `expert-${tag}-colleague`, employer: '浙江省温州市瓯海区金鹰鞋业有限公司' },
    ];
    const res = await http.post(`/candidates/${candidateId}/panel`, { experts }, office);
    expect(res.status).toBe(409);
    expect(res.body.nearMatches).toEqual([
      expect.objectContaining({
        field: 'experts.5.nearMatch',
        userId: `expert-${tag}-glasses`,
        employer: '金鹰眼镜有限公司',
        candidateEmployer: EMPLOYER,
        why: expect.stringContaining('金鹰'),
      }),
      expect.objectContaining({ field: 'experts.6.nearMatch', userId: `expert-${tag}-short`, employer: '金鹰', candidateEmployer: EMPLOYER }),
    ]);
    expect(res.body.message).toContain('nobody was seated');
    // The same employer, written with its province, city and district, is not a question: it is not listed.
    expect(JSON.stringify(res.body.nearMatches)).not.toContain('colleague');

    const file = await http.get(`/candidates/${candidateId}`, office);
    expect(file.body).toMatchObject({ stage: 'expert_review', status: 'awaiting_panel', panel: [] });
    expect((await recusals(candidateId)).body).toEqual([]);
    const refused = await http.get(`/candidates/${candidateId}/refused-decisions`, auditor);
    expect(refused.body).toEqual([
      expect.objectContaining({ action: 'assignPanel', httpStatus: 409, userId: officeSub, refusal: expect.stringContaining('金鹰眼镜有限公司') }),
    ]);
  });

  it('refuses (400) a confirmation where there is nothing to confirm, naming the field', async () => {
    const candidateId = await atExpertReview();
    const tag = candidateId.slice(0, 8);
    const [first, ...rest] = unrelated(tag);
    const needless = await http.post(
      `/candidates/${candidateId}/panel`,
      {
        experts: [
          { ...first, nearMatch: { decision: 'recuse', note: '以防万一' } },
          ...rest,
          { userId: `expert-${tag}-colleague`, employer: '金鹰鞋业', nearMatch: { decision: 'keep', note: '同名' } },
        ],
      },
      office,
    );
    expect(needless.status).toBe(400);
    expect(needless.body.fields).toEqual([
      { field: 'experts.0.nearMatch', reason: expect.stringContaining('does not resemble') },
      { field: 'experts.5.nearMatch', reason: expect.stringContaining('recused automatically') },
    ]);
    const noNote = await http.post(
      `/candidates/${candidateId}/panel`,
      { experts: [{ userId: `expert-${tag}-x`, employer: '金鹰', nearMatch: { decision: 'keep' } }] },
      office,
    );
    expect(noNote.status).toBe(400);
    expect(noNote.body.fields).toEqual([{ field: 'experts.0.nearMatch.note', reason: expect.stringContaining('note is required') }]);
    const badDecision = await http.post(
      `/candidates/${candidateId}/panel`,
      { experts: [{ userId: `expert-${tag}-x`, employer: '金鹰', nearMatch: { decision: 'maybe', note: '?' } }] },
      office,
    );
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.fields[0].field).toBe('experts.0.nearMatch.decision');
    expect((await http.get(`/candidates/${candidateId}`, office)).body.panel).toEqual([]);
  });

  it('seats the panel once each near match is confirmed: kept, recused on confirmation, recused automatically — all on the record', async () => {
    const candidateId = await atExpertReview();
    const tag = candidateId.slice(0, 8);
    const res = await http.post(
      `/candidates/${candidateId}/panel`,
      {
        experts: [
          ...unrelated(tag),
          { userId: `expert-${tag}-glasses`, employer: '金鹰眼镜有限公司', nearMatch: { decision: 'keep', note: '金鹰眼镜与金鹰鞋业无投资或隶属关系' } },
          { userId: `expert-${tag}-short`, employer: '金鹰', nearMatch: { decision: 'recuse', note: '无法确认是否同一单位，按回避处理' } },
          { userId: `expert-${tag}-colleague`, employer: '浙江省温州市瓯海区金鹰鞋业有限公司' },
        ],
      },
      office,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scoring');
    expect(res.body.panel.map((s: { userId: string; status: string; reason?: string }) => [s.userId, s.status, s.reason])).toEqual([
      ...unrelated(tag).map((e) => [e.userId, 'assigned', undefined]),
      [`expert-${tag}-glasses`, 'assigned', undefined],
      [`expert-${tag}-short`, 'recused', RECUSED_ON_CONFIRMATION],
      [`expert-${tag}-colleague`, 'recused', RECUSED_SAME_EMPLOYER],
    ]);
    expect(res.body.panelSummary).toEqual({ seated: 6, scored: 0, recused: 2, conflicts: 0 });

    const record = await recusals(candidateId);
    expect(record.status).toBe(200);
    expect(record.body).toEqual([
      expect.objectContaining({
        candidateId,
        expertUserId: `expert-${tag}-glasses`,
        expertEmployer: '金鹰眼镜有限公司',
        candidateEmployer: EMPLOYER,
        match: 'near',
        why: expect.stringContaining('金鹰'),
        outcome: 'kept',
        automatic: false,
        note: '金鹰眼镜与金鹰鞋业无投资或隶属关系',
        decidedBy: officeSub,
        at: expect.any(String),
      }),
      expect.objectContaining({ expertUserId: `expert-${tag}-short`, match: 'near', outcome: 'recused', automatic: false, note: '无法确认是否同一单位，按回避处理' }),
      expect.objectContaining({ expertUserId: `expert-${tag}-colleague`, match: 'same', outcome: 'recused', automatic: true, note: null, similarity: 1 }),
    ]);
    // The office reads it too; no other role does (the record names the experts).
    expect((await recusals(candidateId, office)).status).toBe(200);
    for (const role of ['inspector', 'leadership', 'admin', 'nominator'] as const) expect((await recusals(candidateId, token(role))).status).toBe(403);

    // The expert kept on the panel scores like any other.
    const scored = await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 88, leading_role: 86 } }, token('expert', `expert-${tag}-glasses`));
    expect(scored.status).toBe(200);
    // A recused expert does not: it has left the file, which it no longer sees (404).
    expect(
      (await http.post(`/candidates/${candidateId}/scores`, { scores: { superb_skill: 88, leading_role: 86 } }, token('expert', `expert-${tag}-short`))).status,
    ).toBe(404);
  });

  it('keeps no record when the workflow refuses the panel (candidate not yet at expert review)', async () => {
    const candidateId = await nominate();
    const res = await http.post(`/candidates/${candidateId}/panel`, { experts: [{ userId: `expert-${candidateId.slice(0, 8)}-c`, employer: '金鹰鞋业' }] }, office);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('not in expert review');
    expect((await recusals(candidateId)).body).toEqual([]);
  });
});
