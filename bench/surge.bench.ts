import type { Pool as PgPool } from 'pg';
import { Pool } from 'pg';
import { SCHEDULE_ACTOR } from '../libs/db/payment-task.store';
import { pct, prebuiltWorkflowBundle, runMain, startStack, startWorker, timed, type Stack } from './harness';
import { insertMasters, recordEarlierInstalments, removeCohort, startSchedules, surgeCalendar, type Calendar, type Cohort } from './schedules';

/**
 * Month-end surge: N masters whose next subsidy instalment fell due at the same moment (midnight
 * Asia/Shanghai today), their schedules started while the worker is stopped, as after an outage or
 * a deploy across the due time. Then the worker starts and the benchmark times until all N
 * instructions exist in payment_tasks, against a baseline that inserts the same rows (and their
 * 'created' events) with one SQL statement, in the same run. Every instalment is then counted by SQL:
 * none may be missing or doubled.
 *
 * Sizes: SURGE_SIZES (default "1000,10000"); SURGE_MONTH (6): the instalment that falls due, the
 * bonus and the months before it already in the file and in the inbox.
 */
const SIZES = (process.env.SURGE_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));
const MONTH = Number(process.env.SURGE_MONTH ?? 6);
/** Workflow starts (and terminations) in flight at a time. */
const PARALLEL = Number(process.env.SURGE_PARALLEL ?? 64);
/** Longest wait for the drain; past it the benchmark reports what is missing rather than hang. */
const TIMEOUT_MS = Number(process.env.SURGE_TIMEOUT_MS ?? 20 * 60_000);
const BASELINE_TRIALS = 3;

async function main(): Promise<void> {
  if (!SIZES.every((n) => Number.isInteger(n) && n >= 1)) throw new Error('SURGE_SIZES must be whole numbers of at least 1, comma-separated');
  if (!Number.isInteger(MONTH) || MONTH < 1 || MONTH > 23) throw new Error('SURGE_MONTH must be a whole number from 1 to 23');
  // The worker as deployed: a prebuilt bundle, so its start is not the bundler's time.
  process.env.WORKFLOW_BUNDLE_PATH = await prebuiltWorkflowBundle();
  const stack = await startStack({ api: false, worker: false });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    console.log(
      `surge: ${stack.dbLabel}, Temporal dev server (in memory), worker in this process; instalment ${MONTH} due ${new Date(surgeCalendar(stack.config, MONTH).dueAt(MONTH)).toISOString()}`,
    );
    for (const n of SIZES) {
      const rows = await surge(stack, db, n);
      const width = Math.max(...rows.map(([k]) => k.length));
      console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
    }
  } finally {
    await db.end();
    await stack.close();
  }
}

async function surge(stack: Stack, db: PgPool, n: number): Promise<string[][]> {
  const { client, config } = stack;
  const cal = surgeCalendar(config, MONTH);
  const cohort = await insertMasters(db, n, 'surge');
  const rows: string[][] = [[`N = ${n}`, '']];
  const note = (what: string, value: string) => rows.push([`  ${what}`, value]);
  try {
    const inputs = await recordEarlierInstalments(db, cohort, cal, MONTH - 1);

    // The baseline: the same N rows (and their 'created' events) in one statement, then removed.
    const baselines: number[] = [];
    for (let t = 0; t < BASELINE_TRIALS; t++) {
      const [inserted, ms] = await timed(() => insertInOneStatement(db, cohort, cal));
      if (inserted !== n) throw new Error(`the baseline inserted ${inserted} rows, not ${n}`);
      baselines.push(ms);
      await deleteInstalment(db, cohort, MONTH);
    }
    const baselineMs = pct(baselines, 50);

    const [, startMs] = await timed(() => startSchedules(client, config.temporal.taskQueue, inputs, PARALLEL));
    note(`${n} schedules started, worker stopped (${PARALLEL} starts in flight)`, `${(startMs / 1000).toFixed(1)} s (${Math.round(n / (startMs / 1000))}/s)`);

    const dbT0 = (await db.query<{ t: Date }>(`SELECT clock_timestamp() AS t`)).rows[0].t;
    const t0 = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const worker = await startWorker(config);
    const pollingMs = elapsed();
    let drainMs = NaN;
    try {
      for (;;) {
        const created = await countInstalment(db, cohort, MONTH);
        if (created >= n) {
          drainMs = elapsed();
          break;
        }
        if (elapsed() > TIMEOUT_MS) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const check = await verify(db, cohort);
      const spread = await createdAfter(db, cohort, dbT0);
      note('worker start to polling (prebuilt bundle)', `${pollingMs.toFixed(0)} ms`);
      note(
        `time to drain: worker start to all ${n} instalment-${MONTH} rows`,
        Number.isNaN(drainMs) ? `not drained in ${TIMEOUT_MS / 1000} s` : `${(drainMs / 1000).toFixed(2)} s (${Math.round(n / (drainMs / 1000))}/s)`,
      );
      note('  each row after the worker start (its created_at): p50 / p90 / p99 / last', spread);
      note(
        `baseline: one INSERT … SELECT of the ${n} rows and events (median of ${BASELINE_TRIALS})`,
        `${baselineMs.toFixed(1)} ms  [${baselines.map((x) => x.toFixed(1)).join(', ')}]`,
      );
      note('ratio drain / baseline', Number.isNaN(drainMs) ? '—' : `${(drainMs / baselineMs).toFixed(0)}×`);
      note(`instalment ${MONTH}: missing / doubled`, `${check.missing} / ${check.doubled}`);
      note(`other instalments (bonus, 1..${MONTH - 1}): missing / doubled; any beyond ${MONTH}`, `${check.earlierMissing} / ${check.earlierDoubled}; ${check.beyond}`);
      note(
        `fen in instalment ${MONTH} (expected ${n} × ${cal.terms.subsidyMonthlyFen})`,
        `${check.fen} ${check.fen === n * cal.terms.subsidyMonthlyFen ? 'exact' : 'WRONG'}`,
      );
    } finally {
      await worker.close();
    }
  } finally {
    const [, cleanMs] = await timed(() => removeCohort(client, db, cohort, PARALLEL));
    note('clean-up: schedules terminated, rows deleted', `${(cleanMs / 1000).toFixed(1)} s`);
  }
  return rows;
}

/** The baseline: the instruction rows the schedules would create, and their 'created' events, in one statement. */
async function insertInOneStatement(db: PgPool, cohort: Cohort, cal: Calendar): Promise<number> {
  const res = await db.query(
    `WITH created AS (
       INSERT INTO payment_tasks (id, candidate_id, kind, instalment, amount_fen, due_on)
       SELECT gen_random_uuid(), id, 'subsidy', $2, $3, $4 FROM candidates WHERE submitted_by = $1
       ON CONFLICT ON CONSTRAINT payment_tasks_once DO NOTHING
       RETURNING id)
     INSERT INTO payment_task_events (task_id, step, actor) SELECT id, 'created', $5 FROM created`,
    [cohort.tag, MONTH, cal.terms.subsidyMonthlyFen, cal.dueOn(MONTH), SCHEDULE_ACTOR],
  );
  return res.rowCount ?? 0;
}

async function deleteInstalment(db: PgPool, cohort: Cohort, instalment: number): Promise<void> {
  const of = `SELECT t.id FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id WHERE c.submitted_by = $1 AND t.kind = 'subsidy' AND t.instalment = $2`;
  await db.query(`DELETE FROM payment_task_events WHERE task_id IN (${of})`, [cohort.tag, instalment]);
  await db.query(`DELETE FROM payment_tasks WHERE id IN (${of})`, [cohort.tag, instalment]);
}

/** How long after the worker started each instalment row was written, by the database's clock. */
async function createdAfter(db: PgPool, cohort: Cohort, t0: Date): Promise<string> {
  const { rows } = await db.query<Record<string, number | null>>(
    `SELECT ${[50, 90, 99].map((p) => `percentile_disc(${p / 100}) WITHIN GROUP (ORDER BY s) AS p${p}`).join(', ')}, max(s) AS last
       FROM (SELECT extract(epoch FROM t.created_at - $3::timestamptz) AS s
               FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
              WHERE c.submitted_by = $1 AND t.kind = 'subsidy' AND t.instalment = $2) x`,
    [cohort.tag, MONTH, t0],
  );
  return ['p50', 'p90', 'p99', 'last'].map((k) => `${Number(rows[0][k]).toFixed(2)} s`).join(' / ');
}

async function countInstalment(db: PgPool, cohort: Cohort, instalment: number): Promise<number> {
  const [{ n }] = (
    await db.query(
      `SELECT count(DISTINCT t.candidate_id)::int AS n FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
        WHERE c.submitted_by = $1 AND t.kind = 'subsidy' AND t.instalment = $2`,
      [cohort.tag, instalment],
    )
  ).rows;
  return n;
}

/** Per master and instalment, how many instructions exist: exactly one each of the bonus and 1..MONTH, none beyond. */
async function verify(db: PgPool, cohort: Cohort) {
  const { rows } = await db.query(
    `WITH expected AS (
       SELECT c.id AS candidate_id, k.kind, k.instalment
         FROM candidates c
         CROSS JOIN (SELECT 'bonus' AS kind, 0 AS instalment UNION ALL SELECT 'subsidy', g FROM generate_series(1, $2::int) g) k
        WHERE c.submitted_by = $1),
     counted AS (
       SELECT e.instalment, count(t.id) AS n, coalesce(sum(t.amount_fen), 0) AS fen
         FROM expected e
         LEFT JOIN payment_tasks t ON t.candidate_id = e.candidate_id AND t.kind = e.kind AND t.instalment = e.instalment
        GROUP BY e.candidate_id, e.kind, e.instalment)
     SELECT count(*) FILTER (WHERE instalment = $2 AND n = 0)::int AS missing,
            coalesce(sum(n - 1) FILTER (WHERE instalment = $2 AND n > 1), 0)::int AS doubled,
            count(*) FILTER (WHERE instalment < $2 AND n = 0)::int AS "earlierMissing",
            coalesce(sum(n - 1) FILTER (WHERE instalment < $2 AND n > 1), 0)::int AS "earlierDoubled",
            coalesce(sum(fen) FILTER (WHERE instalment = $2), 0)::bigint AS fen,
            (SELECT count(*) FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
              WHERE c.submitted_by = $1 AND t.kind = 'subsidy' AND t.instalment > $2)::int AS beyond
       FROM counted`,
    [cohort.tag, MONTH],
  );
  const r = rows[0] as { missing: number; doubled: number; earlierMissing: number; earlierDoubled: number; fen: string; beyond: number };
  return { ...r, fen: Number(r.fen) };
}

runMain(main);
