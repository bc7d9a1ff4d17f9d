import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/common/temporal.module';
import { candidateWorkflowId, cohortDecisionSignal, roundWorkflowId, type CohortDecisionV1 } from '../../libs/contract';
import { pool } from '../../libs/dev/pool';
import { killed, spawnWorker, WORKER } from '../support/spawn-worker';
import { createRound } from '../support/review-helpers';
import { reviewedFiles } from '../support/commendation-batch';
import { act, freezeList, runVote } from '../support/round-driver';
import { client, eventually, startApi, token } from '../support/service';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';

jest.setTimeout(240_000);

/** Files in the round, half selected and half left out: the formal list sends each half as one batch (a batch holds up to 500). */
const N = 80;
const QUOTA = N / 2;
/** Signals in flight at once (ROUND_FANOUT_PARALLEL): few, so that the batch is still going when the worker dies. */
const PARALLEL = 2;

/** The formal list's fan-out under a worker killed the hard way in the middle of a batch: every file gets its outcome, once. */
describe('a worker killed in the middle of a batch of the round’s decisions (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-round-mid-batch-${randomUUID()}`, ROUND_FANOUT_PARALLEL: String(PARALLEL) };
  let api: Awaited<ReturnType<typeof startApi>>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run the build (npm test does) first`);
    // One expert a file: the panel is not what this test is about, and the cohort is large.
    api = await startApi({ ...env, MIN_PANEL_SIZE: '1' });
  });
  afterAll(async () => {
    workers.forEach((w) => w.exitCode === null && w.kill('SIGKILL'));
    await api?.close();
  });

  it('delivers the formal list to all files exactly once when the worker is SIGKILLed part-way through the batch and restarted', async () => {
    const http = client(api.url);
    const engine = api.app.get<Client>(TEMPORAL_CLIENT);
    const db = api.app.get(DataSource);
    const first = spawnWorker(env);
    workers.push(first.child);
    await first.ready;

    const round = await createRound(http, undefined, token('union_office'), { quota: QUOTA });
    const files = await reviewedFiles(http, round.roundId, N, (i) => 50 + (i % 50));
    const listed = await freezeList(http, round.roundId);
    expect(listed).toHaveLength(N);
    await runVote(http, round.roundId);
    // Every file has taken the close of the vote: the only fan-out from here on is the formal list's.
    await eventually(
      () => shown(db, round.roundId, `s.stage = 'leadership' AND s.status = 'awaiting_round'`),
      (n) => n === N,
      60_000,
    );

    const selected = new Set(listed.slice(0, QUOTA));
    await act(
      http,
      `/rounds/${round.roundId}/formal-list`,
      {
        selected: [...selected].map((candidateId) => ({ candidateId, reason: 'within the quota' })),
        leftOut: listed.slice(QUOTA).map((candidateId) => ({ candidateId, reason: 'below the quota' })),
      },
      'leadership',
    );
    // Kill the worker once the tenth file of the batch has the decision in its history (the status projection trails too far
    // behind the signals to tell). The engine has recorded only the batch's first heartbeat by then (heartbeats are throttled).
    await eventually(
      () => outcomeSignals(engine, listed[9]),
      (n) => n > 0,
      30_000,
      10,
    );
    first.child.kill('SIGKILL');
    await killed(first.child);

    // Mid-batch, by the engine's own record: the fan-out activity is still open, and some files have the decision, not all.
    const pending = (await engine.workflow.getHandle(roundWorkflowId(round.year)).describe()).raw.pendingActivities ?? [];
    expect(pending.map((a) => a.activityType?.name)).toContain('notifyCohort');
    const before = await pool(files, 16, (id) => outcomeSignals(engine, id));
    const reached = before.filter((n) => n > 0).length;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(N);

    const second = spawnWorker(env);
    workers.push(second.child);
    await second.ready;
    // The batch is retried once its heartbeat times out (20 s) and resumes from its last recorded progress.
    await eventually(
      () => shown(db, round.roundId, OUTCOME),
      (n) => n === N,
      90_000,
    );

    const auditor = token('auditor');
    const views = await pool(files, 16, (id) => http.get(`/candidates/${id}`, auditor));
    for (const [i, { body }] of views.entries()) {
      const expected = selected.has(files[i]) ? { stage: 'public_notice', status: 'awaiting_round' } : { stage: 'leadership', status: 'left_out' };
      expect({ id: files[i], stage: body.stage, status: body.status }).toEqual({ id: files[i], ...expected });
      // One leadership decision per file, however often the batch delivered it.
      expect({ id: files[i], leadership: body.decisions.filter((d: { stage: string }) => d.stage === 'leadership').length }).toEqual({ id: files[i], leadership: 1 });
    }
    // The retry resumed from that first heartbeat and sent the decision again to files that already had it; each applied it once (above).
    const after = await pool(files, 16, (id) => outcomeSignals(engine, id));
    expect(after.every((n) => n >= 1)).toBe(true);
    expect(after.filter((n) => n > 1).length).toBeGreaterThan(0);
  });
});

/** A file of the round that shows its formal-list outcome in the status projection. */
const OUTCOME = `s.status = 'left_out' OR s.stage = 'public_notice'`;

async function shown(db: DataSource, roundId: string, where: string): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM candidate_status s JOIN candidates c ON c.id = s.candidate_id WHERE c.round_id = $1 AND (${where})`, [
    roundId,
  ]);
  return n;
}

/** How many times the file's history received its formal-list decision (selected or left out). */
async function outcomeSignals(engine: Client, candidateId: string): Promise<number> {
  const history = await fetchDecodedHistory(engine.workflow.getHandle(candidateWorkflowId(candidateId)));
  return (history.events ?? []).filter((e) => {
    const signal = e.workflowExecutionSignaledEventAttributes;
    if (signal?.signalName !== cohortDecisionSignal.name) return false;
    const decision = defaultPayloadConverter.fromPayload<CohortDecisionV1>(signal.input!.payloads![0]);
    return decision.step === 'selected' || decision.step === 'left_out';
  }).length;
}
