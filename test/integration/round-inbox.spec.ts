import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { closeRounds, createLegacyRound, createRound, openDb } from '../support/review-helpers';
import { act, nominateInRound, reviewForRound, roundOf, runVote, today, untilPhase } from '../support/round-driver';
import { client, eventually, startApi, startWorker, token } from '../support/service';

jest.setTimeout(240_000);

type Role = 'union_office' | 'leadership' | 'government';
interface RoundTask {
  kind: 'round';
  roundId: string;
  year: number;
  phase: string;
  step: string;
  action: string;
  endpoint: string;
  dueAt: string | null;
  overdue: boolean;
  objectionId?: string;
  candidateId?: string;
  candidateName?: string;
}

/**
 * The round's own steps in each role's inbox (GET /tasks), a round driven over HTTP on a real
 * Temporal dev server and PostgreSQL. The inbox reads the round projection, written a moment after
 * each step, so every look is polled.
 */
describe("the round's steps in the inbox (real Temporal dev server and PostgreSQL)", () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-round-inbox-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  const office = token('union_office', 'office-round-inbox');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const inbox = async (role: Role) => {
    const res = await http.get('/tasks', token(role, `${role}-round-inbox`));
    if (res.status !== 200) throw new Error(`GET /tasks: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Array<{ kind: string; roundId?: string; candidateId?: string }>;
  };
  /** This round's steps in the role's inbox (the database is shared: other rounds may have theirs). */
  const stepsOf = async (role: Role, roundId: string) => (await inbox(role)).filter((t): t is RoundTask => t.kind === 'round' && t.roundId === roundId);
  /** Waits until every role's inbox shows exactly the expected steps of the round; returns them by role. */
  const inboxesShow = async (roundId: string, expected: Record<Role, string[]>) => {
    const roles = Object.keys(expected) as Role[];
    const seen = await eventually(
      async () => Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await stepsOf(role, roundId)] as const))) as Record<Role, RoundTask[]>,
      (by) => roles.every((role) => JSON.stringify(by[role].map((t) => t.step)) === JSON.stringify(expected[role])),
    );
    return seen;
  };
  const none = { union_office: [], leadership: [], government: [] };

  it('offers each role the step the round waits on, phase by phase, with where to do it, when it is due and whether it is overdue', async () => {
    const round = await createRound(http, undefined, office, { quota: 2 });
    const [a, b] = [await nominateInRound(http, round.roundId, '收件甲大师'), await nominateInRound(http, round.roundId, '收件乙大师')];
    await reviewForRound(http, a, [90, 90, 90, 90, 90]);
    await reviewForRound(http, b, [80, 80, 80, 80, 80]);

    // Nominating: the round closes nominations on its own timer; nobody has a round step.
    expect((await roundOf(http, round.roundId)).phase).toBe('nominating');
    await inboxesShow(round.roundId, none);

    // Reviewing: the office freezes the re-review list, due when the review window closes.
    await act(http, `/rounds/${round.roundId}/phase`, { action: 'close', reason: 'nominations closed' });
    await untilPhase(http, round.roundId, 'reviewing');
    const reviewing = await inboxesShow(round.roundId, { ...none, union_office: ['freeze_re_review_list'] });
    expect(reviewing.union_office[0]).toEqual({
      kind: 'round',
      roundId: round.roundId,
      year: round.year,
      phase: 'reviewing',
      step: 'freeze_re_review_list',
      action: expect.stringContaining('re-review list'),
      endpoint: `POST /rounds/${round.roundId}/re-review-list`,
      dueAt: round.reviewClosesAt.toISOString(),
      overdue: false,
    });
    // The files waiting on the round have no per-file step; file items, if any, still come first.
    const officeInbox = await inbox('union_office');
    expect(officeInbox.some((t) => t.kind === 'file' && (t.candidateId === a || t.candidateId === b))).toBe(false);
    const firstRound = officeInbox.findIndex((t) => t.kind === 'round');
    expect(officeInbox.slice(firstRound).every((t) => t.kind === 'round')).toBe(true);

    // The endpoint the task names is the one that does it.
    await act(http, reviewing.union_office[0].endpoint.replace('POST ', ''), { reason: 'expert review done' });
    const listed = await inboxesShow(round.roundId, { ...none, union_office: ['open_voting'] });
    expect(listed.union_office[0]).toMatchObject({ phase: 're_review_list', endpoint: `POST /rounds/${round.roundId}/voting`, dueAt: null, overdue: false });

    // Voting closes on its own; then the leadership group approves the formal list.
    await runVote(http, round.roundId, () => inboxesShow(round.roundId, none).then(() => undefined));
    const review = await inboxesShow(round.roundId, { ...none, leadership: ['approve_formal_list'] });
    expect(review.leadership[0]).toMatchObject({ phase: 'leadership_review', endpoint: `POST /rounds/${round.roundId}/formal-list`, dueAt: null });
    await act(
      http,
      `/rounds/${round.roundId}/formal-list`,
      {
        selected: [
          { candidateId: a, reason: '综合排名第一' },
          { candidateId: b, reason: '综合排名第二' },
        ],
        leftOut: [],
      },
      'leadership',
    );

    // The formal list approved: the office starts the notice.
    const approved = await inboxesShow(round.roundId, { ...none, union_office: ['start_public_notice'] });
    expect(approved.union_office[0]).toMatchObject({ phase: 'leadership_review', endpoint: `POST /rounds/${round.roundId}/public-notice` });
    await act(http, `/rounds/${round.roundId}/public-notice`, { reason: '在区政府门户网站公示' });

    // The notice: each open objection is the office's to resolve, due when the notice ends, overdue after it.
    const filed = await http.post(`/public/candidates/${a}/objections`, { name: '李四', contact: '13922223333', grounds: '事迹不实' });
    expect(filed.status).toBe(201);
    const notice = await roundOf(http, round.roundId);
    const objections = await inboxesShow(round.roundId, { ...none, union_office: ['resolve_objection'] });
    expect(objections.union_office[0]).toMatchObject({
      phase: 'public_notice',
      objectionId: filed.body.objectionId,
      candidateId: a,
      candidateName: '收件甲大师',
      action: expect.stringContaining('收件甲大师'),
      endpoint: `POST /objections/${filed.body.objectionId}/resolution`,
      dueAt: notice.windows.notice.endsAt,
    });
    expect(JSON.stringify(objections.union_office)).not.toMatch(/李四|13922223333|1392/);
    const overdue = await eventually(
      () => stepsOf('union_office', round.roundId),
      (tasks) => tasks[0]?.overdue === true, // the 3 s notice period is over, held open by the objection
    );
    expect(overdue[0].step).toBe('resolve_objection');
    const resolved = await http.post(overdue[0].endpoint.replace('POST ', ''), { outcome: 'dismissed', reason: '经调查不属实' }, office);
    expect(resolved.status).toBe(200);

    // Government approval, then the ceremony to record.
    await untilPhase(http, round.roundId, 'government_approval');
    const approval = await inboxesShow(round.roundId, { ...none, government: ['approve_list'] });
    expect(approval.government[0]).toMatchObject({ endpoint: `POST /rounds/${round.roundId}/approval`, dueAt: null });
    await act(http, `/rounds/${round.roundId}/approval`, { approved: [a, b], notApproved: [] }, 'government');
    const commendation = await inboxesShow(round.roundId, { ...none, union_office: ['record_ceremony'] });
    expect(commendation.union_office[0]).toMatchObject({ phase: 'commendation', endpoint: `POST /rounds/${round.roundId}/ceremony` });
    await act(http, `/rounds/${round.roundId}/ceremony`, { date: today(), reason: '表彰大会' });
    await untilPhase(http, round.roundId, 'closed');
    await inboxesShow(round.roundId, none);
  });

  it('offers no round steps for a round without a workflow (its files keep the per-file path), nor to roles the round never waits on', async () => {
    const db = await openDb();
    const legacy = await createLegacyRound(db);
    try {
      // Nominations over, review under way: a workflow round would ask the office to freeze the list.
      await closeRounds(db, [legacy.roundId]);
      expect((await roundOf(http, legacy.roundId)).phase).toBe('reviewing');
      for (const role of ['union_office', 'leadership', 'government'] as const) expect(await stepsOf(role, legacy.roundId)).toEqual([]);
    } finally {
      await db.destroy();
    }
    for (const role of ['expert', 'inspector', 'street_union', 'nominator'] as const) {
      const res = await http.get('/tasks', token(role));
      expect(res.status).toBe(200);
      expect(res.body.filter((t: { kind: string }) => t.kind !== 'file')).toEqual([]);
    }
  });
});
