import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Pool } from 'pg';
import { candidateWorkflowId } from '../libs/contract';
import { pct, prebuiltWorkflowBundle, runMain, startStack, type Stack } from './harness';
import type { MemorySample } from './parked-worker';
import { insertMasters, recordEarlierInstalments, removeCohort, startSchedules, surgeCalendar, type Cohort } from './schedules';

/**
 * Worker memory per parked schedule: N payment schedules waiting on their next instalment's timer,
 * all held in the worker's workflow cache, against the same worker with none. The worker runs in a
 * process of its own (bench/parked-worker.ts: the production Nest module and options), started with
 * --expose-gc so every sample follows a full collection, and with a heap limit large enough that the
 * SDK's default cache size (maxCachedWorkflows, which the worker leaves to the SDK: 600 runs per GiB
 * of heap limit above 200 MiB) holds them all.
 *
 * Two modes (PARKED_MODES, default "thread,main"): `thread` as deployed, workflows in the SDK's
 * worker thread, whose heap this process cannot collect or read, so only the process's RSS counts;
 * `main`, the SDK's debug mode (TEMPORAL_DEBUG=1, same reused V8 context but on the main thread), where
 * the heap after a full collection includes the workflows. Sizes: PARKED_SIZES (default "1000,5000"),
 * cumulative: the second size adds to the first.
 */
const SIZES = (process.env.PARKED_SIZES ?? '1000,5000')
  .split(',')
  .map((s) => Number(s.trim()))
  .sort((a, b) => a - b);
const MODES = (process.env.PARKED_MODES ?? 'thread,main').split(',').map((s) => s.trim());
const PARALLEL = Number(process.env.PARKED_PARALLEL ?? 64);
/** Samples taken a second apart at each level; the median is reported. */
const SAMPLES = 5;
const WARM_UP = 20;
const MONTH = 6;
const MiB = 1024 * 1024;

async function main(): Promise<void> {
  if (!SIZES.every((n) => Number.isInteger(n) && n >= 1)) throw new Error('PARKED_SIZES must be whole numbers of at least 1, comma-separated');
  if (!MODES.every((m) => m === 'thread' || m === 'main')) throw new Error('PARKED_MODES must list thread and/or main');
  const bundle = await prebuiltWorkflowBundle();
  const stack = await startStack({ api: false, worker: false });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  // The SDK's default cache: floor((heap limit MiB - 200) × 600 / 1024); room for every size and the warm-up.
  const heapLimitMiB = Math.ceil(((SIZES.at(-1)! + WARM_UP + 100) * 1024) / 600) + 200;
  const cacheSize = Math.floor(((heapLimitMiB - 200) * 600) / 1024);
  console.log(
    `parked: ${stack.dbLabel}, Temporal dev server (in memory); worker process node --expose-gc --max-old-space-size=${heapLimitMiB} (default maxCachedWorkflows ${cacheSize})`,
  );
  try {
    for (const mode of MODES) await measure(stack, db, mode as 'thread' | 'main', bundle, heapLimitMiB);
  } finally {
    await db.end();
    await stack.close();
  }
}

async function measure(stack: Stack, db: Pool, mode: 'thread' | 'main', bundle: string, heapLimitMiB: number): Promise<void> {
  const { client, config } = stack;
  const env: NodeJS.ProcessEnv = { ...stack.env, WORKFLOW_BUNDLE_PATH: bundle };
  delete env.TEMPORAL_DEBUG;
  if (mode === 'main') env.TEMPORAL_DEBUG = '1';
  const child = fork(join(__dirname, 'parked-worker.js'), [], { env, execArgv: ['--expose-gc', `--max-old-space-size=${heapLimitMiB}`], stdio: 'inherit' });
  const cohorts: Cohort[] = [];
  console.log(`mode ${mode}: ${mode === 'thread' ? 'workflows in the worker thread, as deployed' : 'TEMPORAL_DEBUG=1, workflows on the main thread'}`);
  const say = (what: string, value: string) => console.log(`  ${what.padEnd(30)}  ${value}`);
  try {
    await message(child, (m) => m === 'ready');
    // Warm-up: schedules whose term is over run once (a status report, an activity) and end, leaving the cache.
    const warm = await insertMasters(db, WARM_UP, 'parked-warm');
    cohorts.push(warm);
    const over = surgeCalendar(config, config.programme.subsidyMonths + 1);
    await startSchedules(client, config.temporal.taskQueue, await recordEarlierInstalments(db, warm, over, config.programme.subsidyMonths), PARALLEL);
    await Promise.all(warm.ids.map((id) => client.workflow.getHandle(candidateWorkflowId(id)).result()));
    const base = await steady(child, 0);
    say('none parked', describe(base));

    // Parked: the bonus and instalments 1..MONTH made, instalment MONTH+1 a month away.
    const cal = surgeCalendar(config, MONTH);
    let total = 0;
    let before = base;
    for (const n of SIZES) {
      const cohort = await insertMasters(db, n - total, 'parked');
      cohorts.push(cohort);
      await startSchedules(client, config.temporal.taskQueue, await recordEarlierInstalments(db, cohort, cal, MONTH), PARALLEL);
      const now = await steady(child, n);
      say(`${n} parked`, describe(now));
      say(`  per schedule, against none`, perSchedule(now, base, n, mode));
      if (total > 0) say(`  per schedule, the ${n - total} added`, perSchedule(now, before, n - total, mode));
      total = n;
      before = now;
    }
  } finally {
    child.send('stop');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    for (const cohort of cohorts) await removeCohort(client, db, cohort, PARALLEL);
  }
}

/** Waits until the cache holds `cached` runs, then takes SAMPLES samples a second apart; each field's median. */
async function steady(child: ChildProcess, cached: number): Promise<MemorySample> {
  // Polled without a collection: a full GC of a large heap every half second would stall the worker.
  for (let i = 0; ; i++) {
    const reply = message<{ cachedWorkflows: number | null }>(child, (m) => typeof m === 'object' && m !== null && !('rss' in m) && 'cachedWorkflows' in m);
    child.send('count');
    const { cachedWorkflows } = await reply;
    if (cachedWorkflows === cached) break;
    if (i > 1200) throw new Error(`the worker's cache holds ${cachedWorkflows} runs, not ${cached}, after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const samples: MemorySample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    samples.push(await sample(child));
  }
  if (samples.some((s) => s.cachedWorkflows !== cached)) throw new Error(`the cache moved while sampling (${samples.map((s) => s.cachedWorkflows).join(', ')})`);
  const median = (k: 'rss' | 'heapUsed' | 'heapTotal' | 'external') =>
    pct(
      samples.map((s) => s[k]),
      50,
    );
  return {
    rss: median('rss'),
    heapUsed: median('heapUsed'),
    heapTotal: median('heapTotal'),
    external: median('external'),
    cachedWorkflows: cached,
    collected: samples[0].collected,
  };
}

function describe(s: MemorySample): string {
  return `rss ${(s.rss / MiB).toFixed(1)} MiB, heap used ${(s.heapUsed / MiB).toFixed(1)} MiB${s.collected ? ' (after gc)' : ''}, cached ${s.cachedWorkflows}`;
}

function perSchedule(now: MemorySample, base: MemorySample, n: number, mode: 'thread' | 'main'): string {
  const kib = (bytes: number) => `${(bytes / n / 1024).toFixed(1)} KiB`;
  const heap = kib(now.heapUsed - base.heapUsed);
  return `rss ${kib(now.rss - base.rss)}, heap used ${mode === 'main' ? heap : `${heap} on the main thread (the workflow thread's is in rss only)`}`;
}

function sample(child: ChildProcess): Promise<MemorySample> {
  const reply = message<MemorySample>(child, (m) => typeof m === 'object' && m !== null && 'rss' in m);
  child.send('sample');
  return reply;
}

function message<T>(child: ChildProcess, match: (m: unknown) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (!match(m)) return;
      cleanup();
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the worker process exited (${code})`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

runMain(main);
