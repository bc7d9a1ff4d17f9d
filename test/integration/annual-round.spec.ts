import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { approve, createRound, idNumber, mobileNumber, openDb } from '../support/review-helpers';
import { act, freezeList, roundOf, runVote, today, untilPhase } from '../support/round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, startWorker, token, VISIT } from '../support/service';

jest.setTimeout(240_000);

/** A whole annual round over HTTP, on a real Temporal dev server and PostgreSQL (notice period 3 s). */
describe('the annual round through the HTTP API', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-round-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  const office = token('union_office', 'office-round');
  const leadership = token('leadership', 'leader-round');
  const government = token('government', 'gov-round');
  const auditor = token('auditor', 'auditor-round');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const nominate = async (roundId: string, name: string, deeds = `${name}从事眼镜装配三十余年，带徒二十余人。`) => {
    const res = await http.post('/nominations', nomination({ roundId, channel: 'self', name, idNumber: idNumber(), mobile: mobileNumber(), deeds }), token('nominator'));
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.candidateId as string;
  };
  /** Qualification, inspection and a scored expert review: the file then waits for the round. */
  const review = async (id: string, marks: number[]) => {
    await approve(http, id, 'qualification');
    await approve(http, id, 'inspection', { visit: VISIT });
    const reviewed = await scoreThroughApi(http, id, marks);
    expect(reviewed).toMatchObject({ stage: 'expert_review', status: 'awaiting_round' });
  };
  const file = (id: string) => http.get(`/candidates/${id}`, auditor);

  it('runs from nominations to the ceremony: not shortlisted, votes, the formal list within the quota, objections, approval, bonus tasks', async () => {
    const round = await createRound(http, undefined, office, { quota: 3 });
    const longDeeds = '三十余年专注眼镜铰链装配，'.repeat(20);
    const [a, b, c, d, e] = [
      await nominate(round.roundId, '甲大师', longDeeds),
      await nominate(round.roundId, '乙大师'),
      await nominate(round.roundId, '丙大师'),
      await nominate(round.roundId, '丁大师'),
      await nominate(round.roundId, '戊大师'),
    ];
    const created = await roundOf(http, round.roundId);
    expect(created).toMatchObject({ phase: 'nominating', runsAsWorkflow: true, quotaUse: { quota: 3, selected: 0, remaining: 3 } });
    expect(created.windows).toMatchObject({ voting: { opensAt: null, days: 3 }, notice: { startsAt: null, durationMs: 3000 }, ceremony: { date: null } });

    // The list cannot be frozen while nominations are open: the message names the phase.
    const early = await http.post(`/rounds/${round.roundId}/re-review-list`, { reason: 'too early' }, office);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/phase 'nominating'.*needs phase 'reviewing'/);

    await review(a, [90, 90, 90, 90, 90]);
    await review(b, [85, 85, 85, 85, 85]);
    await review(c, [80, 80, 80, 80, 80]);
    await review(d, [70, 70, 70, 70, 70]);
    await approve(http, e, 'qualification'); // e is still at inspection when the list is frozen

    // A file of a round that runs as a workflow: the vote is the round's, not a per-file decision.
    const perFile = await http.post(`/candidates/${a}/decisions`, { stage: 'voting', outcome: 'approve', reason: 'vote' }, office);
    expect(perFile.status).toBe(409);
    expect(perFile.body.message).toMatch(/decided by the round/);

    const listed = await freezeList(http, round.roundId);
    expect(listed).toEqual([a, b, c, d]);
    await eventually(
      () => file(e),
      (r) => r.body.status === 'not_shortlisted',
    );
    expect((await file(a)).body.stage).toBe('voting');

    // The public votes (dev verifier): d gets three voters, a one.
    await runVote(http, round.roundId, async () => {
      const pub = await http.get(`/public/rounds/${round.roundId}`);
      expect(pub.body.candidates.map((x: { candidateId: string }) => x.candidateId).sort()).toEqual([...listed].sort());
      for (const [voter, candidateId] of [
        ['v1', d],
        ['v2', d],
        ['v3', d],
        ['v1', a],
      ]) {
        const vote = await http.post(`/public/rounds/${round.roundId}/votes`, { candidateId, verifier: 'dev', credential: `${round.year}-${voter}` });
        expect(vote.status).toBe(201);
      }
    });
    const ranking = (await http.get(`/rounds/${round.roundId}/ranking`, leadership)).body.ranking as Array<Record<string, unknown>>;
    const line = (id: string) => ranking.find((l) => l.candidateId === id)!;
    expect(line(d)).toMatchObject({ votes: 3, voteScore: 100, combinedScore: 79 }); // 0.7 × 70 + 0.3 × 100
    expect(line(a)).toMatchObject({ votes: 1, voteScore: 33.33, combinedScore: 73 }); // 0.7 × 90 + 0.3 × 33.33
    expect(line(b)).toMatchObject({ votes: 0, voteScore: 0, combinedScore: 59.5 });
    expect([line(d).combinedRank, line(a).combinedRank, line(b).combinedRank, line(c).combinedRank]).toEqual([1, 2, 3, 4]);

    // The formal list: the leadership group only, within the quota, everyone on the list named once.
    const all = listed.map((candidateId) => ({ candidateId, reason: '综合排名靠前' }));
    const formal = `/rounds/${round.roundId}/formal-list`;
    expect((await http.post(formal, { selected: all.slice(0, 3), leftOut: all.slice(3) }, office)).status).toBe(403);
    const over = await http.post(formal, { selected: all, leftOut: [] }, leadership);
    expect(over).toMatchObject({ status: 422, body: { message: expect.stringMatching(/4 selected exceeds the round's quota of 3/) } });
    const missing = await http.post(formal, { selected: all.slice(0, 2), leftOut: [] }, leadership);
    expect(missing).toMatchObject({ status: 422, body: { message: expect.stringContaining(`missing: ${c}, ${d}`) } });
    const twice = await http.post(formal, { selected: all.slice(0, 3), leftOut: [all[3], all[0]] }, leadership);
    expect(twice).toMatchObject({ status: 422, body: { message: expect.stringContaining(`${a} is named twice`) } });
    const stranger = await http.post(formal, { selected: [...all.slice(0, 3), { candidateId: e, reason: 'x' }], leftOut: [all[3]] }, leadership);
    expect(stranger.status).toBe(422);
    const noReason = await http.post(formal, { selected: all.slice(0, 3), leftOut: [{ candidateId: c }] }, leadership);
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/reason/);
    const chosen = await act(http, formal, { selected: [all[3], all[0], all[1]], leftOut: [{ candidateId: c, reason: '名额所限' }] }, 'leadership');
    expect(chosen.quotaUse).toMatchObject({ quota: 3, selected: 3, remaining: 0 });
    await eventually(
      () => file(c),
      (r) => r.body.status === 'left_out',
    );

    // The notice: not before it starts; then the announcement without sensitive data.
    const notice = `/public/rounds/${round.roundId}/notice`;
    expect((await http.get(notice)).status).toBe(409);
    await act(http, `/rounds/${round.roundId}/public-notice`, { reason: '在区政府门户网站和《今日瓯海》公示' });
    const announced = await http.get(notice);
    expect(announced.status).toBe(200);
    expect(announced.body.candidates.map((x: { candidateId: string }) => x.candidateId).sort()).toEqual([a, b, d].sort());
    const first = announced.body.candidates.find((x: { candidateId: string }) => x.candidateId === a);
    expect(first).toEqual({
      candidateId: a,
      name: '甲大师',
      sex: expect.stringMatching(/^(male|female)$/),
      employer: '温州瓯海眼镜有限公司',
      trade: '眼镜装配',
      deeds: `${[...longDeeds].slice(0, 100).join('')}…`,
    });
    expect(announced.body.window).toMatch(/Asia\/Shanghai/);
    expect(announced.body.howToObject).toMatch(/objections/);
    expect(JSON.stringify(announced.body)).not.toMatch(/idNumber|mobile|homeAddress|13\d{9}|330304/);

    // Objections: only about a candidate on the notice; two filed, the notice held open until both are resolved.
    const objection = (id: string) => http.post(`/public/candidates/${id}/objections`, { name: '张三', contact: '13911112222', grounds: '事迹不实' });
    expect((await objection(c)).status).toBe(422);
    expect((await http.post(`/public/candidates/${a}/objections`, { name: '张三', grounds: '事迹不实' })).status).toBe(400);
    const upheld = await objection(a);
    const dismissed = await objection(b);
    expect([upheld.status, dismissed.status]).toEqual([201, 201]);
    await new Promise((r) => setTimeout(r, 4000)); // past the 3 s period
    expect((await roundOf(http, round.roundId)).phase).toBe('public_notice');
    const asLeader = (await http.get(`/rounds/${round.roundId}/objections`, leadership)).body;
    expect(asLeader).toHaveLength(2);
    expect(asLeader[0]).toMatchObject({ candidateId: a, objectorName: '张三', contact: '139****2222', status: 'open', grounds: '事迹不实' });
    expect((await http.get(`/rounds/${round.roundId}/objections`, office)).body[0].contact).toBe('13911112222');
    expect((await http.get(`/rounds/${round.roundId}/objections`, token('nominator'))).status).toBe(403);

    const resolution = (id: string, outcome: string, as = office) => http.post(`/objections/${id}/resolution`, { outcome, reason: '经调查核实' }, as);
    expect((await resolution(upheld.body.objectionId, 'upheld', leadership)).status).toBe(403);
    expect((await resolution(upheld.body.objectionId, 'maybe')).status).toBe(400);
    const up = await resolution(upheld.body.objectionId, 'upheld');
    expect(up).toMatchObject({ status: 200, body: { status: 'upheld', resolution: { outcome: 'upheld', reason: '经调查核实' } } });
    expect((await resolution(upheld.body.objectionId, 'dismissed')).status).toBe(409);
    expect((await roundOf(http, round.roundId)).phase).toBe('public_notice'); // one still open
    expect((await resolution(dismissed.body.objectionId, 'dismissed')).status).toBe(200);
    await untilPhase(http, round.roundId, 'government_approval');
    await eventually(
      () => file(a),
      (r) => r.body.status === 'disqualified',
    );
    expect((await objection(b)).status).toBe(409); // the notice is over

    // Approval: the government, everyone left on the list named once; one not approved.
    const approval = `/rounds/${round.roundId}/approval`;
    expect((await http.post(approval, { approved: [b, d], notApproved: [] }, office)).status).toBe(403);
    expect((await http.post(approval, { approved: [a, b], notApproved: [{ candidateId: d, reason: 'x' }] }, government)).status).toBe(422);
    await act(http, approval, { approved: [b], notApproved: [{ candidateId: d, reason: '不符合表彰条件' }] }, 'government');
    await eventually(
      () => file(d),
      (r) => r.body.status === 'not_approved',
    );

    // The ceremony today: b is commended, its bonus due on the ceremony date.
    const date = today();
    expect((await http.post(`/rounds/${round.roundId}/ceremony`, { date: '2031-02-30', reason: 'x' }, office)).status).toBe(400);
    await act(http, `/rounds/${round.roundId}/ceremony`, { date, place: '瓯海区行政中心', reason: '表彰大会' });
    await untilPhase(http, round.roundId, 'closed');
    await eventually(
      () => file(b),
      (r) => r.body.stage === 'payments',
    );
    const tasks = await eventually(
      () => http.get(`/finance/tasks?candidateId=${b}`, token('finance')),
      (r) => r.body.items.length > 0,
    );
    expect(tasks.body.items.find((t: { kind: string }) => t.kind === 'bonus')).toMatchObject({ amountFen: 2_000_000, dueOn: date });
    for (const other of [a, c, d, e]) expect((await http.get(`/finance/tasks?candidateId=${other}`, token('finance'))).body.items).toEqual([]);

    const closed = await roundOf(http, round.roundId);
    expect(closed).toMatchObject({ phase: 'closed', quotaUse: { quota: 3, selected: 1, approved: 1, commended: 1, remaining: 2 } });
    expect(closed.windows.ceremony).toEqual({ date, place: '瓯海区行政中心' });
    expect(closed.entries).toEqual({ commended: 1, disqualified: 1, left_out: 1, not_approved: 1 });
    // Each outcome's reason, as the ranking shows it, is read from round_entries.
    const reasons = (await http.get(`/rounds/${round.roundId}/ranking`, leadership)).body.ranking as Array<{ candidateId: string; reason?: string | null }>;
    expect(Object.fromEntries(reasons.filter((l) => l.reason !== undefined).map((l) => [l.candidateId, l.reason]))).toEqual({
      [a]: 'objection upheld: 经调查核实',
      [b]: null,
      [c]: '名额所限',
      [d]: '不符合表彰条件',
    });
    // The refused formal lists left no reasons behind: only the accepted one's four.
    const db = await openDb();
    try {
      const stored = await db.query(`SELECT count(DISTINCT reasons_id)::int AS lists, count(*)::int AS n FROM round_decision_reasons WHERE round_id = $1`, [
        round.roundId,
      ]);
      expect(stored).toEqual([{ lists: 1, n: 4 }]);
      // Retention of the not-named files' personal data counts from the round's close, recorded once.
      const [{ closed_at }] = await db.query(`SELECT closed_at FROM rounds WHERE id = $1`, [round.roundId]);
      expect(Date.now() - new Date(closed_at).getTime()).toBeLessThan(10 * 60_000);
      // The round's own steps — the vote closing on its timer, the notice ending, the close — are on the audit chain, once each, in order.
      const phases: Array<{ detail: { from: string | null; to: string } }> = await db.query(
        `SELECT detail FROM audit_log WHERE action = 'round.phase_changed' AND round_id = $1 ORDER BY id`,
        [round.roundId],
      );
      const path = phases.map((p) => p.detail.to);
      expect(path).toEqual(expect.arrayContaining(['voting', 'public_notice', 'closed']));
      expect(new Set(path).size).toBe(path.length);
      expect(path.at(-1)).toBe('closed');
      expect(phases.slice(1).every((p, i) => p.detail.from === phases[i].detail.to)).toBe(true);
    } finally {
      await db.destroy();
    }

    const funnel = (await http.get(`/rounds/${round.roundId}/funnel`, auditor)).body;
    expect(funnel).toMatchObject({ files: 5, reReviewList: 4, byOutcome: { commended: 1, disqualified: 1, left_out: 1, not_approved: 1 } });
    expect(funnel.byStatus).toMatchObject({ not_shortlisted: 1, left_out: 1, disqualified: 1, not_approved: 1, paying: 1 });
    const programme = (await http.get('/programme', auditor)).body;
    expect(programme.target).toBe(100);
    expect(programme.rounds.find((r: { year: number }) => r.year === round.year)).toMatchObject({ quota: 3, commended: 1, ceremonyDate: date });
  });

  it('refuses what makes no sense: wrong phase, wrong role, malformed, unknown round', async () => {
    const round = await createRound(http, undefined, office);
    const r = `/rounds/${round.roundId}`;
    const voting = await http.post(`${r}/voting`, { reason: 'open' }, office);
    expect(voting).toMatchObject({ status: 409, body: { message: expect.stringMatching(/phase 'nominating'.*opening the vote needs phase 're_review_list'/) } });
    expect((await http.post(`${r}/public-notice`, { reason: 'go' }, office)).status).toBe(409);
    expect((await http.post(`${r}/ceremony`, { date: today(), reason: 'go' }, office)).status).toBe(409);
    expect((await http.post(`${r}/formal-list`, { selected: [], leftOut: [] }, leadership)).status).toBe(409);
    // A formal list for a re-review list of 10,000, each with its reason (~1.5 MB): read whole, refused for the phase, nothing kept.
    const leftOut = Array.from({ length: 10_000 }, (_, i) => ({ candidateId: randomUUID(), reason: `综合排名第${i + 31}位，未进入本届评选名额（共30名），予以落选。` }));
    const large = await http.post(`${r}/formal-list`, { selected: [], leftOut }, leadership);
    expect(large).toMatchObject({ status: 409, body: { message: expect.stringMatching(/phase 'nominating'/) } });
    const db = await openDb();
    try {
      expect(await db.query(`SELECT count(*)::int AS n FROM round_decision_reasons WHERE round_id = $1`, [round.roundId])).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
    expect((await http.post(`${r}/approval`, { approved: [], notApproved: [] }, government)).status).toBe(409);
    expect((await http.get(`/public/rounds/${round.roundId}/notice`)).status).toBe(409);

    expect((await http.post(`${r}/phase`, { action: 'close', reason: 'x' }, leadership)).status).toBe(403);
    expect((await http.post(`${r}/voting`, { reason: 'x' }, government)).status).toBe(403);
    expect((await http.post(`${r}/approval`, { approved: [], notApproved: [] }, office)).status).toBe(403);

    const noReason = await http.post(`${r}/phase`, { action: 'close' }, office);
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/reason/);
    const badAction = await http.post(`${r}/phase`, { action: 'pause', reason: 'x' }, office);
    expect(JSON.stringify(badAction.body)).toMatch(/action must be 'close' or 'extend'/);
    expect((await http.post(`${r}/phase`, { action: 'extend', until: 'tomorrow', reason: 'x' }, office)).status).toBe(400);
    expect((await http.post(`${r}/re-review-list`, { size: 0, reason: 'x' }, office)).status).toBe(400);
    expect((await http.post(`${r}/formal-list`, { selected: 'everyone', leftOut: [] }, leadership)).status).toBe(400);

    const unknown = randomUUID();
    expect((await http.post(`/rounds/${unknown}/voting`, { reason: 'x' }, office)).status).toBe(404);
    expect((await http.get(`/rounds/${unknown}`, office)).status).toBe(404);
    expect((await http.get(`/rounds/${unknown}/funnel`, office)).status).toBe(404);
    expect((await http.get(`/public/rounds/${unknown}/notice`)).status).toBe(404);
    expect((await http.post(`/objections/${unknown}/resolution`, { outcome: 'upheld', reason: 'x' }, office)).status).toBe(404);
    expect((await http.post(`/public/candidates/${unknown}/objections`, { name: 'a', contact: 'b', grounds: 'c' })).status).toBe(404);

    // Extending the nomination window keeps nominations open; the view shows the new end.
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const extended = await act(http, `${r}/phase`, { action: 'extend', until, reason: '延长推荐期' });
    expect(extended).toMatchObject({ phase: 'nominating', windows: { nomination: { closesAt: until } } });
  });

  it("refuses a round whose year's workflow still runs for another round, and writes nothing", async () => {
    const first = await createRound(http, undefined, office);
    // The row gone (as a test clean-up does), its workflow `round-<year>` still running.
    const db = await openDb();
    try {
      await db.query('DELETE FROM rounds WHERE id = $1', [first.roundId]);
      const again = await http.post(
        '/rounds',
        { year: first.year, quota: 30, nominationOpensAt: first.nominationOpensAt, nominationClosesAt: first.nominationClosesAt, reviewClosesAt: first.reviewClosesAt },
        office,
      );
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(new RegExp(`round-${first.year} already runs for another ${first.year} round \\(${first.roundId}\\)`));
      expect(await db.query('SELECT id FROM rounds WHERE year = $1', [first.year])).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("the ranking shows a listed file by its entry's score while the file's status report is still on its way", async () => {
    const round = await createRound(http, undefined, office);
    const [first, second] = [await nominate(round.roundId, '庚大师'), await nominate(round.roundId, '辛大师')];
    await review(first, [92, 92, 92, 92, 92]);
    await review(second, [81, 81, 81, 81, 81]);
    expect(await freezeList(http, round.roundId)).toEqual([first, second]);
    // The projection trails the file: as when the last expert scored a moment before the list was frozen.
    const db = await openDb();
    try {
      await db.query('UPDATE candidate_status SET score_centi = NULL WHERE candidate_id = $1', [first]);
      const ranking = async () => (await http.get(`/rounds/${round.roundId}/ranking`, leadership)).body.ranking as Array<Record<string, unknown>>;
      expect((await ranking()).map((l) => [l.candidateId, l.rank, l.score, l.outcome !== undefined])).toEqual([
        [first, 1, 92, true],
        [second, 2, 81, true],
      ]);
      // Or no report written yet at all (a full run's worker backlog): the file is still on the ranking.
      await db.query('DELETE FROM candidate_status WHERE candidate_id = $1', [first]);
      expect((await ranking()).map((l) => [l.candidateId, l.rank, l.score, l.stage, l.status])).toEqual([
        [first, 1, 92, 'expert_review', 'awaiting_round'],
        [second, 2, 81, expect.any(String), expect.any(String)],
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('a ceremony date ahead leaves the round in commendation and its files waiting', async () => {
    const round = await createRound(http, undefined, office);
    const id = await nominate(round.roundId, '己大师');
    await review(id, [88, 88, 88, 88, 88]);
    const listed = await freezeList(http, round.roundId);
    await runVote(http, round.roundId);
    await act(http, `/rounds/${round.roundId}/formal-list`, { selected: listed.map((candidateId) => ({ candidateId, reason: '入选' })), leftOut: [] }, 'leadership');
    await act(http, `/rounds/${round.roundId}/public-notice`, { reason: '公示' });
    await untilPhase(http, round.roundId, 'government_approval');
    await act(http, `/rounds/${round.roundId}/approval`, { approved: listed, notApproved: [] }, 'government');
    const ahead = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const set = await act(http, `/rounds/${round.roundId}/ceremony`, { date: ahead, reason: '表彰大会' });
    expect(set).toMatchObject({ phase: 'commendation', windows: { ceremony: { date: ahead } } });
    expect((await http.post(`/rounds/${round.roundId}/ceremony`, { date: ahead, reason: 'again' }, office)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await roundOf(http, round.roundId)).phase).toBe('commendation');
    expect((await file(id)).body).toMatchObject({ stage: 'commendation', status: 'awaiting_round' });
    expect((await http.get(`/finance/tasks?candidateId=${id}`, token('finance'))).body.items).toEqual([]);
  });
});
