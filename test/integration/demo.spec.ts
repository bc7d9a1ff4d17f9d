import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { report, runDemo } from '../../scripts/demo-round';
import { closeRounds, openDb } from '../support/review-helpers';
import { client, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

/** `npm run demo`'s round, on the suite's own Temporal server and PostgreSQL, with a small cohort. */
describe('npm run demo: a whole round in one command', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-demo-${randomUUID()}`, VOTE_DEV_VERIFIER: 'true', VOTE_RATE_LIMIT_PER_MINUTE: '100000' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let roundId: string | undefined;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
  });
  afterAll(async () => {
    const db = await openDb();
    await closeRounds(db, roundId ? [roundId] : []);
    await db.destroy();
    await api?.close();
    await worker?.close();
  });

  it('takes 8 nominations to a closed round: at most the quota commended, a bonus task each, votes counted, the objection resolved', async () => {
    const lines: string[] = [];
    const result = await runDemo({ apiUrl: api.url, signingKey: process.env.AUTH_LOCAL_PRIVATE_KEY!, candidates: 8, quota: 3, voters: 12, say: (l) => lines.push(l) });
    roundId = result.roundId;
    const http = client(api.url);
    const auditor = token('auditor', 'auditor-demo');

    // The round is closed, with its quota used by the commended masters and no more.
    const round = (await http.get(`/rounds/${result.roundId}`, auditor)).body;
    expect(round.phase).toBe('closed');
    expect(result.commended.length).toBeGreaterThan(0);
    expect(result.commended.length).toBeLessThanOrEqual(3);
    expect(round.quotaUse).toMatchObject({ quota: 3, selected: result.commended.length });

    // Every file filed; the unfinished one not shortlisted; the commended ones as the funnel counts them.
    const funnel = (await http.get(`/rounds/${result.roundId}/funnel`, auditor)).body;
    expect(funnel.files).toBe(8);
    expect(funnel.byStatus.not_shortlisted).toBe(result.unfinished);
    expect(funnel.byStatus.left_out).toBe(result.listed - result.commended.length);
    expect(funnel.byOutcome.commended).toBe(result.commended.length);

    // A bonus task per commended master, and none for anyone else.
    const finance = token('finance', 'finance-demo');
    for (const id of result.commended) {
      const tasks = (await http.get(`/finance/tasks?candidateId=${id}`, finance)).body.items as Array<{ kind: string; amountFen: number }>;
      expect(tasks.filter((t) => t.kind === 'bonus')).toHaveLength(1);
    }
    expect(result.bonusTasks).toBe(result.commended.length);

    // Votes counted in the ranking, as many as were accepted.
    const ranking = (await http.get(`/rounds/${result.roundId}/ranking`, token('leadership', 'leader-demo'))).body.ranking as Array<{ votes?: number }>;
    expect(result.votesCast).toBeGreaterThan(0);
    expect(ranking.reduce((sum, l) => sum + (l.votes ?? 0), 0)).toBe(result.votesCast);

    // The objection was filed on a selected candidate and dismissed.
    const objections = (await http.get(`/rounds/${result.roundId}/objections`, token('union_office', 'office-demo'))).body;
    expect(objections).toHaveLength(1);
    expect(objections[0]).toMatchObject({ candidateId: result.objection.candidateId, status: 'dismissed' });

    // Progress: one line per phase, and the closing report names the funnel, the quota use and the times.
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['round', 'nominations', 'review', 're-review', 'voting', 'formal', 'public', 'approval', 'bonus']);
    const closing = report(result).join('\n');
    expect(closing).toMatch(/funnel: 8 files/);
    expect(closing).toMatch(new RegExp(`quota use: ${result.commended.length} of 3`));
    expect(closing).toMatch(/time per phase: round .* s/);
  });
});
