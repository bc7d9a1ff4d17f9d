import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/common/temporal.module';
import { PAYMENT_SCHEDULE_V2_WORKFLOW, candidateWorkflowId, stateQuery } from '../../libs/contract';
import { pool } from '../../libs/dev/pool';
import { approve, createRound, idNumber, mobileNumber, type TestRound } from './review-helpers';
import { act, freezeList, runNotice, runVote, today, untilPhase } from './round-driver';
import { client, eventually, nomination, scoreThroughApi, startApi, token, VISIT } from './service';
import { workerFleet } from './spawn-worker';

type Http = ReturnType<typeof client>;

/** The programme's bonus (BONUS_FEN default): 20,000 yuan. */
export const BONUS_FEN = 2_000_000;

/**
 * A round of `n` files brought through the API to the government's approval, everyone selected:
 * the next step, the ceremony, commends them all at once. The API must run with MIN_PANEL_SIZE=1
 * (one expert a file: the panel is not what the fault tests are about).
 */
async function cohortAwaitingCeremony(http: Http, n: number): Promise<{ round: TestRound; files: string[] }> {
  const round = await createRound(http, undefined, token('union_office'), { quota: n });
  const files = await reviewedFiles(http, round.roundId, n, (i) => 60 + (i % 40));
  const listed = await freezeList(http, round.roundId);
  if (listed.length !== n) throw new Error(`the re-review list holds ${listed.length} files, not ${n}`);
  await runVote(http, round.roundId);
  await act(http, `/rounds/${round.roundId}/formal-list`, { selected: listed.map((candidateId) => ({ candidateId, reason: 'selected' })), leftOut: [] }, 'leadership');
  await runNotice(http, round.roundId);
  await act(http, `/rounds/${round.roundId}/approval`, { approved: listed, notApproved: [] }, 'government');
  return { round, files };
}

/**
 * `n` files nominated into the round and taken through qualification, inspection and a one-expert
 * review (the API runs with MIN_PANEL_SIZE=1), the i-th scored `mark(i)`: each then waits for the round.
 */
export function reviewedFiles(http: Http, roundId: string, n: number, mark: (i: number) => number): Promise<string[]> {
  return pool(Array.from({ length: n }), 8, async (_, i) => {
    const res = await http.post('/nominations', nomination({ roundId, channel: 'self', idNumber: idNumber(), mobile: mobileNumber() }), token('nominator'));
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    const id: string = res.body.candidateId;
    await approve(http, id, 'qualification');
    await approve(http, id, 'inspection', { visit: VISIT });
    await scoreThroughApi(http, id, [mark(i)]);
    return id;
  });
}

/** The ceremony, held today: every approved file is commended and continues as its payment schedule, which creates the bonus. */
async function holdCeremony(http: Http, roundId: string): Promise<void> {
  await act(http, `/rounds/${roundId}/ceremony`, { date: today(), reason: 'ceremony held' });
}

/** Payment instructions of any kind the files have in the finance inbox. */
async function instructionsOf(db: DataSource, files: string[]): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM payment_tasks WHERE candidate_id = ANY($1)`, [files]);
  return n;
}

/** Waits until `probe` passes `floor` (polled often, so a fault lands right after), and returns what it read. */
export function whenMoreThan(probe: () => Promise<number>, floor: number, timeoutMs = 60_000): Promise<number> {
  return eventually(probe, (n) => n > floor, timeoutMs, 10);
}

/**
 * Money exactly once, as finance sees it and as the database holds it: one bonus instruction per
 * file — attempt 1 of instalment 0, the full bonus, created once by the schedule, and recorded once
 * in the audit log, whatever the fault made the activity retry — and nothing else; the inbox's total
 * exact to the fen.
 */
async function expectEachBonusOnce(db: DataSource, http: Http, round: TestRound, files: string[]): Promise<void> {
  const rows: Array<{ candidateId: string; kind: string; instalment: number; attempt: number; amountFen: number; created: number; audited: number }> = await db.query(
    `SELECT t.candidate_id AS "candidateId", t.kind, t.instalment, t.attempt, t.amount_fen::int AS "amountFen",
            (SELECT count(*)::int FROM payment_task_events e WHERE e.task_id = t.id AND e.step = 'created') AS created,
            (SELECT count(*)::int FROM audit_log a
              WHERE a.candidate_id = t.candidate_id AND a.action = 'payment.instruction_created' AND a.object_id = t.id::text) AS audited
     FROM payment_tasks t WHERE t.candidate_id = ANY($1) ORDER BY t.candidate_id`,
    [files],
  );
  expect(rows).toEqual([...files].sort().map((candidateId) => ({ candidateId, kind: 'bonus', instalment: 0, attempt: 1, amountFen: BONUS_FEN, created: 1, audited: 1 })));
  const inbox = await http.get(`/finance/tasks?roundId=${round.roundId}`, token('finance'));
  expect(inbox.status).toBe(200);
  expect(inbox.body.totals).toEqual({ count: files.length, amountFen: files.length * BONUS_FEN });
}

/**
 * Every file reached the state after commendation: its workflow runs on as the payment schedule,
 * paying, with the one bonus in its payments — the very instruction the inbox holds.
 */
async function expectSchedulesPaying(engine: Client, db: DataSource, files: string[]): Promise<void> {
  const ids: Array<{ candidateId: string; taskId: string }> = await db.query(
    `SELECT candidate_id AS "candidateId", id AS "taskId" FROM payment_tasks WHERE candidate_id = ANY($1)`,
    [files],
  );
  const taskOf = new Map(ids.map((r) => [r.candidateId, r.taskId]));
  // A bonus written by a worker killed before it reported is taken up by the workflow once the
  // activity's attempt times out and is retried (which finds the row): wait for that, then compare.
  const read = () =>
    pool(files, 8, async (id) => {
      const handle = engine.workflow.getHandle(candidateWorkflowId(id));
      const { type, status } = await handle.describe();
      const state = await handle.query(stateQuery);
      return {
        id,
        type,
        status: status.name,
        stage: state.stage,
        fileStatus: state.status,
        payments: state.payments.map((p) => ({ kind: p.kind, instalment: p.instalment, taskId: p.taskId })),
      };
    });
  const seen = await eventually(read, (all) => all.every((f) => f.payments.length > 0), 90_000, 1000);
  expect(seen).toEqual(
    files.map((id) => ({
      id,
      type: PAYMENT_SCHEDULE_V2_WORKFLOW,
      status: 'RUNNING',
      stage: 'payments',
      fileStatus: 'paying',
      payments: [{ kind: 'bonus', instalment: 0, taskId: taskOf.get(id) }],
    })),
  );
}

/** The API (one expert a file) and the workers a fault test spawns, on a task queue of its own, for the enclosing describe. */
export function faultStack(env: NodeJS.ProcessEnv) {
  const stack = { fleet: workerFleet(env) } as { fleet: ReturnType<typeof workerFleet>; api: Awaited<ReturnType<typeof startApi>> };
  beforeAll(async () => {
    stack.api = await startApi({ ...env, MIN_PANEL_SIZE: '1' });
  });
  afterAll(async () => {
    stack.fleet.killAll();
    await stack.api?.close();
  });
  return stack;
}

/**
 * The fault tests' common course: `n` files brought to the ceremony through `api` (its Temporal
 * client and database), the ceremony held, `fault` run against the batch (it gets the count of
 * instructions created so far), then — once every file's bonus exists — money exactly once and
 * every file on its schedule. Returns what `fault` returned and how long each part took.
 */
export async function commendUnderFault<T>(
  api: { url: string; app: INestApplication },
  n: number,
  fault: (created: () => Promise<number>) => Promise<T>,
): Promise<{ fault: T; files: string[]; cohortMs: number; batchMs: number }> {
  const http = client(api.url);
  const db = api.app.get(DataSource);
  const engine = api.app.get<Client>(TEMPORAL_CLIENT);
  const from = Date.now();
  const { round, files } = await cohortAwaitingCeremony(http, n);
  const cohortMs = Date.now() - from;
  const created = () => instructionsOf(db, files);
  expect(await created()).toBe(0);

  await holdCeremony(http, round.roundId);
  const result = await fault(created);
  // What a fault left hanging is retried once its timeouts pass (an activity's is 15 s).
  await eventually(created, (c) => c >= n, 90_000);
  await untilPhase(http, round.roundId, 'closed', 120_000);
  await expectEachBonusOnce(db, http, round, files);
  await expectSchedulesPaying(engine, db, files);
  return { fault: result, files, cohortMs, batchMs: Date.now() - from - cohortMs };
}
