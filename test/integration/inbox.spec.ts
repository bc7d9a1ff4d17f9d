import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';
import { approve, closeRounds, createLegacyRound, decide, dueAtOf, idNumber, mobileNumber, openDb, streetUnion, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

interface Task {
  kind: 'file';
  candidateId: string;
  name: string;
  channel: string;
  area: string | null;
  roundId: string | null;
  inspectionBatchId: string | null;
  stage: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  action: string;
}

/**
 * The inbox (GET /tasks) per role, read from the status projection each workflow writes a moment
 * after each change, so every look is polled; and inspection batches.
 */
describe('inbox and inspection batches (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-inbox-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let round: TestRound;
  const office = token('union_office', 'office-inbox');

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

  async function nominate(overrides: Record<string, unknown> = {}, asNominator = token('nominator')) {
    const res = await http.post(
      '/nominations',
      nomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId, channel: 'association', name: `收件${randomUUID().slice(0, 6)}`, ...overrides }),
      asNominator,
    );
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.candidateId as string;
  }

  const inbox = async (as: string): Promise<Task[]> => {
    const res = await http.get('/tasks', as);
    if (res.status !== 200) throw new Error(`GET /tasks: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The caller's task for the candidate once the projection shows it in the expected (stage, status). */
  const taskOnceAt = async (as: string, candidateId: string, stage: string, status = 'awaiting_decision') =>
    (
      await eventually(
        () => inbox(as),
        (tasks) => tasks.some((t) => t.candidateId === candidateId && t.stage === stage && t.status === status),
      )
    ).find((t) => t.candidateId === candidateId)!;
  /** Waits until the candidate is no longer in the caller's inbox. */
  const goneFrom = (as: string, candidateId: string) =>
    eventually(
      () => inbox(as),
      (tasks) => !tasks.some((t) => t.candidateId === candidateId),
    );
  const has = async (as: string, candidateId: string) => (await inbox(as)).some((t) => t.candidateId === candidateId);
  /** Waits for the projection to reach (stage, status), as the programme office's inbox does not show every stage. */
  const projected = (candidateId: string, stage: string, status: string) =>
    eventually(
      () => db.query('SELECT stage, status FROM candidate_status WHERE candidate_id = $1', [candidateId]),
      (rows: Array<{ stage: string; status: string }>) => rows[0]?.stage === stage && rows[0]?.status === status,
    );

  it("shows a sub-district union the organisational files of its own area at endorsement, not another area's", async () => {
    const louqiao = streetUnion('louqiao');
    const wutian = streetUnion('wutian');
    const ours = await nominate({ channel: 'organisational', area: 'louqiao' });
    const theirs = await nominate({ channel: 'organisational', area: 'wutian' });

    const task = await taskOnceAt(louqiao, ours, 'endorsement');
    expect(task).toEqual({
      kind: 'file',
      candidateId: ours,
      name: expect.any(String),
      employer: '温州瓯海眼镜有限公司',
      industry: 'eyewear',
      channel: 'organisational',
      area: 'louqiao',
      roundId: round.roundId,
      inspectionBatchId: null,
      stage: 'endorsement',
      status: 'awaiting_decision',
      dueAt: round.nominationClosesAt.toISOString(),
      overdue: false,
      action: 'endorse, reject or return the nomination',
    });
    await taskOnceAt(wutian, theirs, 'endorsement');
    expect(await has(louqiao, theirs)).toBe(false);
    expect(await has(wutian, ours)).toBe(false);
    // A union without an area sees neither; nor does the programme office at this stage.
    expect(await has(token('street_union', 'su-1'), ours)).toBe(false);
    expect(await has(office, ours)).toBe(false);
    // Nor can the other area's union open or decide the file.
    expect((await http.get(`/candidates/${ours}`, wutian)).status).toBe(404);

    // Endorsed, it leaves the union's inbox for the programme office's.
    expect((await decide(http, ours, 'endorsement', {}, louqiao)).status).toBe(200);
    await goneFrom(louqiao, ours);
    const next = await taskOnceAt(office, ours, 'qualification');
    expect(next).toMatchObject({ dueAt: dueAtOf(round, 'qualification'), overdue: false });
  });

  it('shows the programme office its qualification and voting files, and expert reviews awaiting a panel, soonest due first', async () => {
    const atQualification = await nominate();
    const atPanel = await nominate();
    const atVoting = await nominate();
    for (const id of [atPanel, atVoting]) {
      await approve(http, id, 'qualification');
      await approve(http, id, 'inspection', { visit: VISIT });
    }
    expect(await scoreThroughApi(http, atVoting)).toMatchObject({ stage: 'voting' });

    const qualification = await taskOnceAt(office, atQualification, 'qualification');
    expect(qualification).toMatchObject({
      status: 'awaiting_decision',
      dueAt: dueAtOf(round, 'qualification'),
      overdue: false,
      action: 'screen qualification: approve, reject or return',
    });
    expect(await taskOnceAt(office, atPanel, 'expert_review', 'awaiting_panel')).toMatchObject({
      dueAt: dueAtOf(round, 'expert_review'),
      overdue: false,
      action: 'seat the expert panel (at least 5)',
    });
    expect(await taskOnceAt(office, atVoting, 'voting')).toMatchObject({
      dueAt: dueAtOf(round, 'voting'),
      overdue: false,
      action: 'close the online vote: approve, reject or return',
    });
    // Soonest due first.
    const order = (await inbox(office)).map((t) => t.candidateId);
    expect(order.indexOf(atQualification)).toBeLessThan(order.indexOf(atPanel));
    expect(order.indexOf(atPanel)).toBeLessThan(order.indexOf(atVoting));

    // Once the panel is seated, the office has nothing to do there.
    await http.post(
      `/candidates/${atPanel}/panel`,
      { experts: [0, 1, 2, 3, 4].map((i) => ({ userId: `ex-${atPanel.slice(0, 8)}-${i}`, employer: `单位${i}` })) },
      office,
    );
    await goneFrom(office, atPanel);
  });

  it('shows the programme office a file at commendation, leadership and government theirs, with no due date after leadership', async () => {
    const leadership = token('leadership');
    const government = token('government');
    const id = await nominate();
    await approve(http, id, 'qualification');
    await approve(http, id, 'inspection', { visit: VISIT });
    await scoreThroughApi(http, id);
    await approve(http, id, 'voting');

    expect(await taskOnceAt(leadership, id, 'leadership')).toMatchObject({
      dueAt: dueAtOf(round, 'leadership'),
      overdue: false,
      action: 'review against the quota: approve, reject or return',
    });
    expect(await has(government, id)).toBe(false);
    await approve(http, id, 'leadership');
    await goneFrom(leadership, id);
    // The public notice (3 s in tests) waits on nobody.
    await projected(id, 'public_notice', 'in_public_notice');
    for (const role of ['union_office', 'leadership', 'government', 'inspector'] as const) expect(await has(token(role), id)).toBe(false);

    expect(await taskOnceAt(government, id, 'government_approval')).toMatchObject({
      dueAt: null,
      overdue: false,
      action: 'approve or reject the named master',
    });
    await approve(http, id, 'government_approval');
    await goneFrom(government, id);
    expect(await taskOnceAt(office, id, 'commendation')).toMatchObject({ dueAt: null, overdue: false, action: 'record the commendation' });
    await approve(http, id, 'commendation');
    await goneFrom(office, id);
  });

  it('shows an inspector the files at inspection', async () => {
    const inspector = token('inspector');
    const id = await nominate();
    expect(await has(inspector, id)).toBe(false);
    await approve(http, id, 'qualification');
    expect(await taskOnceAt(inspector, id, 'inspection')).toMatchObject({
      dueAt: dueAtOf(round, 'inspection'),
      overdue: false,
      action: 'record the visit and conclude the inspection',
    });
    await goneFrom(office, id);
    await approve(http, id, 'inspection', { visit: VISIT });
    await goneFrom(inspector, id);
  });

  it('shows an expert only the files whose panel seats it and that it has yet to score', async () => {
    const id = await nominate();
    await approve(http, id, 'qualification');
    await approve(http, id, 'inspection', { visit: VISIT });
    const tag = id.slice(0, 8);
    const seated = [0, 1, 2, 3, 4].map((i) => `ex-${tag}-${i}`);
    const recused = `ex-${tag}-recused`;
    const outsider = token('expert', `ex-${tag}-outsider`);
    const as = (userId: string) => token('expert', userId);
    await projected(id, 'expert_review', 'awaiting_panel');
    expect(await has(as(seated[0]), id)).toBe(false); // not seated yet

    const panel = await http.post(
      `/candidates/${id}/panel`,
      { experts: [...seated.map((userId, i) => ({ userId, employer: `评审单位${i}` })), { userId: recused, employer: '温州瓯海眼镜有限公司' }] },
      office,
    );
    expect(panel.body.status).toBe('scoring');
    const task = await taskOnceAt(as(seated[0]), id, 'expert_review', 'scoring');
    expect(task).toMatchObject({ dueAt: dueAtOf(round, 'expert_review'), overdue: false, action: 'score each condition claimed (0-100)' });
    await taskOnceAt(as(seated[1]), id, 'expert_review', 'scoring');
    expect(await has(outsider, id)).toBe(false);
    expect(await has(as(recused), id)).toBe(false);

    const scored = await http.post(`/candidates/${id}/scores`, { scores: { superb_skill: 88, leading_role: 90 } }, as(seated[0]));
    expect(scored.status).toBe(200);
    await goneFrom(as(seated[0]), id);
    expect(await has(as(seated[1]), id)).toBe(true);
  });

  it('shows a nominator its own returned files, and no one else its files', async () => {
    const sub = `nom-${randomUUID().slice(0, 8)}`;
    const mine = token('nominator', sub);
    const id = await nominate({}, mine);
    const other = await nominate({}, token('nominator', `${sub}-other`));
    expect(await has(mine, id)).toBe(false); // nothing to do while it is under review
    for (const c of [id, other]) {
      expect((await decide(http, c, 'qualification', { outcome: 'return', reason: '缺少技能等级证书', missing: ['skill certificate'] })).status).toBe(200);
    }
    const task = await taskOnceAt(mine, id, 'qualification', 'returned');
    expect(task).toMatchObject({ dueAt: dueAtOf(round, 'qualification'), overdue: false, action: 'add what is missing and resubmit' });
    await projected(other, 'qualification', 'returned');
    expect(await has(mine, other)).toBe(false);
    await taskOnceAt(token('nominator', `${sub}-other`), other, 'qualification', 'returned');
    await goneFrom(office, id);

    expect((await http.post(`/candidates/${id}/resubmissions`, { note: '已补充技能等级证书' }, mine)).status).toBe(200);
    await goneFrom(mine, id);
    await taskOnceAt(office, id, 'qualification');
  });

  it('refuses finance and auditor an inbox (403)', async () => {
    for (const role of ['finance', 'auditor'] as const) {
      const res = await http.get('/tasks', token(role));
      expect(res.status).toBe(403);
    }
    expect((await http.get('/tasks')).status).toBe(401);
  });

  it('groups candidates into an inspection batch, listed with their stage', async () => {
    const first = await nominate();
    const second = await nominate();
    for (const id of [first, second]) await approve(http, id, 'qualification');
    await projected(second, 'inspection', 'awaiting_decision');

    const created = await http.post(
      '/inspection-batches',
      { name: '第一批考察（眼镜）', plannedOn: '2030-04-18', members: ['李考察', '陈考察'], candidateIds: [first, second], roundId: round.roundId },
      office,
    );
    expect(created.status).toBe(201);
    const batchId = created.body.id as string;
    expect(created.body).toMatchObject({ name: '第一批考察（眼镜）', plannedOn: '2030-04-18', members: ['李考察', '陈考察'], roundId: round.roundId });

    const batch = await eventually(
      () => http.get(`/inspection-batches/${batchId}`, token('inspector')),
      (r) => r.status === 200 && r.body.candidates.length === 2 && r.body.candidates.every((c: { stage: string }) => c.stage === 'inspection'),
    );
    expect(batch.body.candidates.map((c: { candidateId: string }) => c.candidateId).sort()).toEqual([first, second].sort());
    for (const c of batch.body.candidates) expect(c).toMatchObject({ stage: 'inspection', status: 'awaiting_decision', employer: '温州瓯海眼镜有限公司' });
    // The inspector's tasks and the files carry the batch.
    expect((await taskOnceAt(token('inspector'), first, 'inspection')).inspectionBatchId).toBe(batchId);
    expect((await http.get(`/candidates/${first}`, office)).body.inspectionBatchId).toBe(batchId);

    // A candidate id that does not exist is refused, and nothing is grouped.
    const unknown = await http.post('/inspection-batches', { name: '第二批', plannedOn: '2030-04-19', members: ['李考察'], candidateIds: [first, randomUUID()] }, office);
    expect(unknown.status).toBe(400);
    expect((await http.get(`/candidates/${first}`, office)).body.inspectionBatchId).toBe(batchId);
    expect((await http.get(`/inspection-batches/${randomUUID()}`, office)).status).toBe(404);
  });
});
