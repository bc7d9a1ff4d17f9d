import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { killed, spawnWorker, WORKER } from '../support/spawn-worker';
import type { DataSource } from 'typeorm';
import { createLegacyRound, openDb } from '../support/review-helpers';
import { client, eventually, nomination, scoreThroughApi, startApi, token, VISIT } from '../support/service';

jest.setTimeout(180_000);

describe('a worker killed mid-flow (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-crash-${randomUUID()}`, PUBLIC_NOTICE_DURATION: '2s' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run the build (npm test does) first`);
    api = await startApi(env);
    db = await openDb();
  });
  afterAll(async () => {
    workers.forEach((w) => w.exitCode === null && w.kill('SIGKILL'));
    await api?.close();
    await db?.destroy();
  });

  it('loses nothing and doubles nothing when the worker is SIGKILLed and restarted', async () => {
    const http = client(api.url);
    const as = { office: token('union_office'), finance: token('finance'), auditor: token('auditor') };
    const owner: Record<string, string> = {
      qualification: token('union_office'),
      inspection: token('inspector'),
      expert_review: token('expert'),
      voting: as.office,
      leadership: token('leadership'),
      government_approval: token('government'),
      commendation: as.office,
    };
    const first = spawnWorker(env);
    workers.push(first.child);
    await first.ready;

    // A round from before rounds ran as workflows: its files take every decision file by file.
    const { roundId } = await createLegacyRound(db);
    const { candidateId } = (await http.post('/nominations', nomination({ channel: 'self', roundId }), token('nominator'))).body;
    for (const stage of ['qualification', 'inspection', 'expert_review', 'voting', 'leadership']) {
      if (stage === 'expert_review') {
        await scoreThroughApi(http, candidateId);
        continue;
      }
      const visit = stage === 'inspection' ? { visit: VISIT } : {};
      expect((await http.post(`/candidates/${candidateId}/decisions`, { stage, outcome: 'approve', reason: 'ok', ...visit }, owner[stage])).status).toBe(200);
    }
    // Kill the worker while the public notice timer runs; the timer fires with no worker alive.
    first.child.kill('SIGKILL');
    await killed(first.child);
    await new Promise((r) => setTimeout(r, 3000));

    const second = spawnWorker(env);
    workers.push(second.child);
    await second.ready;
    await eventually(
      () => http.get(`/candidates/${candidateId}`, as.auditor),
      (r) => r.body.stage === 'government_approval',
    );
    await http.post(`/candidates/${candidateId}/decisions`, { stage: 'government_approval', outcome: 'approve', reason: 'ok' }, owner.government_approval);

    // Kill it again right as commendation schedules the bonus, then restart: the task is still created once.
    const commend = http.post(`/candidates/${candidateId}/decisions`, { stage: 'commendation', outcome: 'approve', reason: 'ok' }, owner.commendation);
    second.child.kill('SIGKILL');
    await killed(second.child);
    const third = spawnWorker(env);
    workers.push(third.child);
    await third.ready;
    await commend.catch(() => undefined);

    const state = await eventually(
      () => http.get(`/candidates/${candidateId}`, as.auditor),
      (r) => r.body.payments?.length === 1,
    );
    expect(state.body.decisions.map((d: { stage: string }) => d.stage)).toEqual([
      'qualification',
      'inspection',
      'voting',
      'leadership',
      'government_approval',
      'commendation',
    ]);
    const tasks = (await http.get(`/finance/tasks?candidateId=${candidateId}`, as.finance)).body.items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'bonus', amountFen: 2_000_000 });
  });
});
