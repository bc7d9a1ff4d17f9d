import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  CANDIDATE_FILE_WORKFLOW,
  ROUND_WORKFLOW,
  SA_ROUND,
  SA_STAGE,
  SA_STATUS,
  assignPanelUpdate,
  candidateWorkflowId,
  changePhaseUpdate,
  decideUpdate,
  formalListV2Update,
  freezeReReviewListUpdate,
  openVotingUpdate,
  roundSummaryQuery,
  roundWorkflowId,
  submitScoresUpdate,
  type Actor,
  type CandidateInputV2,
  type RoundInputV1,
} from '../libs/contract';
import { pool } from '../libs/dev/pool';
import { runMain, startStack, timed, type Stack } from './harness';

/**
 * The round's cohort fan-out at the size of a real round: N candidate files (BENCH_COHORT, default
 * 1,000) driven through their individual stages by direct Updates to `awaiting_round`, the round
 * workflow with windows the benchmark controls, then the re-review list, the vote and the formal list.
 * Measures, through the status projection in PostgreSQL (what the lists and the inbox show), the time
 * from each cohort decision to every file showing it, and the round's history length.
 *
 * The rows the worker's activities read and write (rounds, candidates) are inserted directly with
 * minimal columns: nothing here goes through the API, whose cost bench/decision.bench.ts measures.
 */
const N = Number(process.env.BENCH_COHORT ?? 1000);
const QUOTA = Math.min(N, Number(process.env.BENCH_QUOTA ?? 30));
/** Files driven at once through their individual stages. */
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 16);
/** Longest wait for every file to show a decision; the benchmark fails past it rather than hang. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 15 * 60_000);

const OFFICE: Actor = { userId: 'bench-office', role: 'union_office' };
const LEADERSHIP: Actor = { userId: 'bench-leadership', role: 'leadership' };
const VISIT = { date: '2017-04-18', place: 'workshop', members: ['inspector'], findings: 'in post' };

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 1) throw new Error('BENCH_COHORT must be a whole number of at least 1');
  const stack = await startStack({ api: false });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    await measure(stack, db);
  } finally {
    await db.end();
    await stack.close();
  }
}

async function measure(stack: Stack, db: Pool): Promise<void> {
  const { client, config } = stack;
  const taskQueue = config.temporal.taskQueue;
  const rows: string[][] = [];
  const note = (what: string, value: string) => rows.push([what, value]);

  // The round: its row, then its workflow, its nomination window already closed so it is reviewing.
  const roundId = randomUUID();
  const year = 2090; // the scratch database and the dev server hold no other round
  const now = Date.now();
  const input: RoundInputV1 = {
    roundId,
    year,
    quota: QUOTA,
    nominationOpensAt: new Date(now - 10 * 864e5).toISOString(),
    nominationClosesAt: new Date(now - 1000).toISOString(),
    reviewClosesAt: new Date(now + 30 * 864e5).toISOString(),
    votingDays: 3,
    publicNoticeMs: config.programme.publicNoticeMs,
    weights: { expert: 70, vote: 30 },
  };
  await db.query(
    `INSERT INTO rounds (id, year, quota, nomination_opens_at, nomination_closes_at, review_closes_at, created_by, voting_days, public_notice_ms, workflow_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'bench', 3, $7, $8)`,
    [roundId, year, QUOTA, input.nominationOpensAt, input.nominationClosesAt, input.reviewClosesAt, input.publicNoticeMs, roundWorkflowId(year)],
  );
  const round = await client.workflow.start(ROUND_WORKFLOW, {
    workflowId: roundWorkflowId(year),
    taskQueue,
    args: [input],
    typedSearchAttributes: [{ key: SA_ROUND, value: roundId }],
  });

  // The files: rows first (the projection's foreign key), then their workflows.
  const ids = Array.from({ length: N }, () => randomUUID());
  await db.query(
    `INSERT INTO candidates (id, round_id, channel, name, id_number_cipher, id_number_index, mobile_cipher, employer, industry, trade,
                             years_of_work, skill_level, submitted_by, submitted_role, workflow_id, version)
     SELECT id, $2, 'self', '测试' || ord, 'sealed', $3 || ord, 'sealed', 'E', 'eyewear', 'T', 5, 'technician', 'bench-nominator', 'nominator',
            'candidate-' || id, 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [ids, roundId, randomBytes(8).toString('hex')],
  );
  const fileInput = (candidateId: string): CandidateInputV2 => ({
    candidateId,
    roundId,
    roundWorkflowId: round.workflowId,
    channel: 'self',
    submittedBy: { userId: 'bench-nominator', role: 'nominator' },
    settings: { ...config.programme },
    review: { deadlines: {}, reminderLeadMs: 2 * 864e5, prechecks: [], conditions: ['superb_skill'], minPanelSize: 1 },
  });
  // Qualification, inspection with its visit, one expert seated, the expert's score: the file then waits for the round.
  const drive = async (candidateId: string, i: number) => {
    const h = await client.workflow.start(CANDIDATE_FILE_WORKFLOW, {
      workflowId: candidateWorkflowId(candidateId),
      taskQueue,
      args: [fileInput(candidateId)],
      typedSearchAttributes: [
        { key: SA_STAGE, value: 'qualification' },
        { key: SA_STATUS, value: 'awaiting_decision' },
        { key: SA_ROUND, value: roundId },
      ],
    });
    await h.executeUpdate(decideUpdate, { args: [{ stage: 'qualification', outcome: 'approve', reason: 'bench', actor: OFFICE }] });
    await h.executeUpdate(decideUpdate, {
      args: [{ stage: 'inspection', outcome: 'approve', reason: 'bench', visit: VISIT, actor: { userId: 'bench-inspector', role: 'inspector' } }],
    });
    const expert = { userId: `bench-expert-${i % 7}` };
    await h.executeUpdate(assignPanelUpdate, { args: [{ experts: [expert], actor: OFFICE }] });
    const state = await h.executeUpdate(submitScoresUpdate, { args: [{ scores: { superb_skill: 50 + (i % 50) }, actor: { ...expert, role: 'expert' } }] });
    if (state.status !== 'awaiting_round') throw new Error(`file ${i} is '${state.stage}/${state.status}' after its score, not awaiting the round`);
  };
  const [, driveMs] = await timed(() => pool(ids, PARALLEL, drive));
  note(`${N} files driven to awaiting_round (${PARALLEL} at a time, 4 Updates each)`, `${(driveMs / 1000).toFixed(1)} s`);
  const [, projectedMs] = await timed(() => settle(db, roundId, `SELECT count(*) FILTER (WHERE s.status = 'awaiting_round' AND s.score_centi IS NOT NULL) AS n`, N));
  note('  then every score in the projection', `+${projectedMs.toFixed(0)} ms`);

  // Re-review list, vote, close of the vote: each a cohort decision to every file.
  const [, freezeUpdateMs] = await timed(() => round.executeUpdate(freezeReReviewListUpdate, { args: [{ reason: 'expert review done', actor: OFFICE }] }));
  const [, shortlistedMs] = await timed(() => settle(db, roundId, `SELECT count(*) FILTER (WHERE s.stage = 'voting') AS n`, N));
  note('re-review list frozen: the Update answered', `${freezeUpdateMs.toFixed(0)} ms`);
  note(`  then all ${N} files show stage voting`, `+${shortlistedMs.toFixed(0)} ms`);

  await round.executeUpdate(openVotingUpdate, { args: [{ reason: 'bench', closesAt: new Date(Date.now() + 864e5).toISOString(), actor: OFFICE }] });
  const [, closeUpdateMs] = await timed(() => round.executeUpdate(changePhaseUpdate, { args: [{ action: 'close', reason: 'bench', actor: OFFICE }] }));
  const [, votingClosedMs] = await timed(() => settle(db, roundId, `SELECT count(*) FILTER (WHERE s.stage = 'leadership') AS n`, N));
  note('voting closed (phase change): the Update answered', `${closeUpdateMs.toFixed(0)} ms`);
  note(`  then all ${N} files show stage leadership`, `+${votingClosedMs.toFixed(0)} ms`);

  // The formal list: the first QUOTA by the round's ranking selected, the rest left out with a reason,
  // the reasons stored first as the API does (FormalListV2).
  await waitForPhase(round, 'leadership_review');
  const ranked = await rankedEntries(db, roundId, N);
  const selected = ranked.slice(0, QUOTA);
  const leftOut = ranked.slice(QUOTA);
  const reasonsId = randomUUID();
  await db.query(
    `INSERT INTO round_decision_reasons (reasons_id, candidate_id, round_id, reason)
     SELECT $1, id, $2, CASE WHEN ord <= $3 THEN 'among the highest combined scores' ELSE 'below the quota on the combined ranking' END
       FROM unnest($4::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [reasonsId, roundId, QUOTA, ranked],
  );
  const before = (await round.describe()).historyLength;
  const t0 = process.hrtime.bigint();
  await round.executeUpdate(formalListV2Update, { args: [{ selected, leftOut, reasonsId, actor: LEADERSHIP }] });
  const listUpdateMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const progress: Array<[number, number]> = [];
  await settle(db, roundId, `SELECT count(*) FILTER (WHERE s.status = 'left_out' OR (s.stage = 'public_notice' AND s.status = 'awaiting_round')) AS n`, N, (n) =>
    progress.push([Number(process.hrtime.bigint() - t0) / 1e6, n]),
  );
  const fanOutMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const outcomes = await db.query(
    `SELECT s.stage, s.status, count(*)::int AS n FROM candidate_status s JOIN candidates c ON c.id = s.candidate_id WHERE c.round_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [roundId],
  );
  const after = await round.describe();
  const at = (share: number) => progress.find(([, n]) => n >= share * N)?.[0] ?? fanOutMs;

  note(`formal list (${selected.length} selected, ${leftOut.length} left out): the Update answered`, `${listUpdateMs.toFixed(0)} ms`);
  note('  then the first file shows its outcome', `${(progress.find(([, n]) => n > 0)?.[0] ?? fanOutMs).toFixed(0)} ms`);
  note('  then half of the files show their outcome', `${at(0.5).toFixed(0)} ms`);
  note(`  then every file shows its outcome (left_out / public_notice)`, `${fanOutMs.toFixed(0)} ms  (${((N / fanOutMs) * 1000).toFixed(0)} files/s)`);
  note('round history length after the formal list', `${after.historyLength} events (${after.historyLength - before} for the formal list)`);
  note('round history size', `${((after.historySize ?? 0) / 1024).toFixed(0)} KiB (limit 51,200 events / 50 MiB)`);

  console.log(`\n== cohort fan-out: ${N} files, quota ${QUOTA}, ${stack.dbLabel}, Temporal dev server ${stack.temporal.address}`);
  const width = Math.max(...rows.map(([w]) => w.length));
  for (const [what, value] of rows) console.log(`${what.padEnd(width)}  ${value}`);
  console.log(`the workflow task that answered the formal list: ${await updateTask(round, formalListV2Update.name)}`);
  console.log(`round history by event type (count, encoded size): ${await historyBySize(round)}`);
  console.log(`files by stage/status after the formal list: ${outcomes.rows.map((r) => `${r.stage}/${r.status} ${r.n}`).join(', ')}`);
}

/** Where the round's history size lies: the largest event types first. */
async function historyBySize(round: WorkflowHandle): Promise<string> {
  const history = await round.fetchHistory();
  const by = new Map<string, { n: number; bytes: number }>();
  for (const e of history.events ?? []) {
    const type = temporal.api.enums.v1.EventType[e.eventType ?? 0].replace(/^EVENT_TYPE_/, '').toLowerCase();
    const t = by.get(type) ?? { n: 0, bytes: 0 };
    t.n++;
    t.bytes += temporal.api.history.v1.HistoryEvent.encode(e).finish().length;
    by.set(type, t);
  }
  return [...by.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 6)
    .map(([type, t]) => `${type} ${t.n}× ${(t.bytes / 1024).toFixed(0)} KiB`)
    .join(', ');
}

/** How long the workflow task that accepted and answered an Update waited for the worker, and took in it. */
async function updateTask(round: WorkflowHandle, updateName: string): Promise<string> {
  const events = (await round.fetchHistory()).events ?? [];
  const T = temporal.api.enums.v1.EventType;
  const ms = (e: (typeof events)[number]) => Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
  const i = events.findIndex(
    (e) =>
      e.eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED && e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName,
  );
  if (i < 0) return 'not found';
  const before = (type: (typeof T)[keyof typeof T]) => [...events.slice(0, i)].reverse().find((e) => e.eventType === type);
  const [scheduled, started, completed] = [T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, T.EVENT_TYPE_WORKFLOW_TASK_STARTED, T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED].map(before);
  if (!scheduled || !started || !completed) return 'not found';
  return `scheduled → started ${ms(started) - ms(scheduled)} ms (waiting for the worker), started → completed ${ms(completed) - ms(started)} ms (in the worker)`;
}

/** Polls the status projection until `count` (a `SELECT … AS n` over the round's files) reaches `want`; bounded. */
async function settle(db: Pool, roundId: string, count: string, want: number, seen?: (n: number) => void): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const { rows } = await db.query(`${count} FROM candidate_status s JOIN candidates c ON c.id = s.candidate_id WHERE c.round_id = $1`, [roundId]);
    const n = Number(rows[0].n);
    seen?.(n);
    if (n >= want) return;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${want} files got there within ${SETTLE_MS} ms (${count})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The round's list by the leadership group's ranking, from `round_entries`, once all `n` are ranked. */
async function rankedEntries(db: Pool, roundId: string, n: number): Promise<string[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const { rows } = await db.query(`SELECT candidate_id FROM round_entries WHERE round_id = $1 AND combined_rank IS NOT NULL ORDER BY combined_rank, rank`, [roundId]);
    if (rows.length >= n) return rows.map((r: { candidate_id: string }) => r.candidate_id);
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${n} entries ranked within ${SETTLE_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitForPhase(round: WorkflowHandle, phase: string) {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const state = await round.query(roundSummaryQuery);
    if (state.phase === phase) return state;
    if (Date.now() > deadline) throw new Error(`the round stayed in '${state.phase}', not '${phase}'`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

runMain(main);
