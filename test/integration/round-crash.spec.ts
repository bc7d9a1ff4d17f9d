import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { killed, spawnWorker, WORKER } from '../support/spawn-worker';
import { approve, createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { act, freezeList, runVote } from '../support/round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, token, VISIT } from '../support/service';

jest.setTimeout(240_000);

/** The round's fan-out under a worker killed the hard way: every file gets its outcome, once. */
describe('a worker killed while the round sends its decisions (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-round-crash-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run the build (npm test does) first`);
    api = await startApi(env);
  });
  afterAll(async () => {
    workers.forEach((w) => w.exitCode === null && w.kill('SIGKILL'));
    await api?.close();
  });

  it('delivers the formal list to every file exactly once across a SIGKILL and a restart', async () => {
    const http = client(api.url);
    const first = spawnWorker(env);
    workers.push(first.child);
    await first.ready;

    const round = await createRound(http, undefined, token('union_office'), { quota: 2 });
    const files: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http.post(
        '/nominations',
        nomination({ roundId: round.roundId, channel: 'self', idNumber: idNumber(), mobile: mobileNumber() }),
        token('nominator'),
      );
      expect(res.status).toBe(201);
      files.push(res.body.candidateId);
    }
    for (const [i, id] of files.entries()) {
      await approve(http, id, 'qualification');
      await approve(http, id, 'inspection', { visit: VISIT });
      await scoreThroughApi(http, id, [70 + i, 70 + i, 70 + i, 70 + i, 70 + i]);
    }
    const listed = await freezeList(http, round.roundId);
    expect(listed).toHaveLength(6);
    await runVote(http, round.roundId);

    const [best, second, ...rest] = listed;
    await act(
      http,
      `/rounds/${round.roundId}/formal-list`,
      {
        selected: [best, second].map((candidateId) => ({ candidateId, reason: 'top two' })),
        leftOut: rest.map((candidateId) => ({ candidateId, reason: 'below the quota' })),
      },
      'leadership',
    );
    // The round answers the Update first and sends its decisions after: kill the worker right then, start another.
    first.child.kill('SIGKILL');
    await killed(first.child);
    await new Promise((r) => setTimeout(r, 1000));
    const second_ = spawnWorker(env);
    workers.push(second_.child);
    await second_.ready;

    const auditor = token('auditor');
    for (const id of files) {
      const expected = id === best || id === second ? { stage: 'public_notice', status: 'awaiting_round' } : { stage: 'leadership', status: 'left_out' };
      const file = await eventually(
        () => http.get(`/candidates/${id}`, auditor),
        (r) => r.body.status === expected.status,
        60_000,
      );
      expect(file.body).toMatchObject(expected);
      // One leadership decision per file, however often the batch was delivered.
      expect(file.body.decisions.filter((d: { stage: string }) => d.stage === 'leadership')).toHaveLength(1);
    }
  });
});
