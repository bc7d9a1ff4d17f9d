import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { TEMPORAL_CLIENT } from '../../apps/api/src/common/temporal.module';
import { candidateWorkflowId } from '../../libs/contract';
import { dataSourceOptions } from '../../libs/db';
import { pool } from '../../libs/dev/pool';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';
import { commendUnderFault, faultStack, whenMoreThan } from '../support/commendation-batch';

jest.setTimeout(240_000);

const N = 50;
/** The longest the connections are cut for: activity retries back off (1 s, 2 s, 4 s …), so a longer storm only slows the test. */
const STORM_MS = 6000;

/**
 * Issue 7 §4: the worker's PostgreSQL connections cut again and again with pg_terminate_backend
 * while a ceremony commends 50 masters. Only the backends of this file's worker are cut (it
 * connects under an application name of its own); the server is shared and never restarted.
 */
describe('a batch of 50 commendations while the worker’s PostgreSQL connections are cut (real servers)', () => {
  const application = `it-fault-pg-${randomUUID()}`;
  const env = { TEMPORAL_TASK_QUEUE: `it-fault-pg-${randomUUID()}`, PGAPPNAME: application };
  const stack = faultStack(env);

  it('retries the activities: no bonus lost, none doubled', async () => {
    const db = stack.api.app.get(DataSource);
    const worker = await stack.fleet.start();
    const cut = async (): Promise<number> => {
      const [{ n }] = await db.query(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [application],
      );
      return n;
    };
    const run = await commendUnderFault(stack.api, N, async (created) => {
      await whenMoreThan(created, N / 5);
      const storm = { from: await created(), to: 0, cuts: 0, backends: 0 };
      const until = Date.now() + STORM_MS;
      while (Date.now() < until && (await created()) < N) {
        const n = await cut();
        storm.backends += n;
        storm.cuts++;
        await new Promise((r) => setTimeout(r, 50));
      }
      storm.to = await created();
      return storm;
    });
    // The cuts reached the worker's connections while the batch was under way.
    expect(run.fault.backends).toBeGreaterThan(0);
    expect(run.fault.from).toBeLessThan(N);
    expect(worker.exitCode).toBeNull();

    // The engine's record: bonus activities whose attempt failed on a cut connection and ran again.
    const engine = stack.api.app.get<Client>(TEMPORAL_CLIENT);
    const retried = (await pool(run.files, 8, (id) => cutAttempts(engine, id))).reduce((a, b) => a + b, 0);
    expect(retried).toBeGreaterThan(0);
    console.log(
      `fault-postgres-cut: cohort ready in ${run.cohortMs} ms, batch done in ${run.batchMs} ms; ` +
        `${run.fault.cuts} cuts (${run.fault.backends} backends terminated) while bonuses went from ${run.fault.from} to ${run.fault.to} of ${N}; ${retried} bonus activities retried after a cut`,
    );
  });

  it('keeps the process alive when a connection is cut while the pool has lent it out between queries', async () => {
    // The kind of gap the worker died in: a client lent out by the pool, with no listener of TypeORM’s (yet).
    const name = `it-fault-pg-lent-${randomUUID()}`;
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('application_name', name);
    const ds = await new DataSource(dataSourceOptions(url.toString(), 1)).initialize();
    try {
      const lent: PoolClient = await (ds.driver as PostgresDriver).master.connect();
      const ended = new Promise((r) => lent.once('end', r));
      const [{ n }] = await stack.api.app
        .get(DataSource)
        .query(`SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1`, [name]);
      expect(n).toBe(1);
      await ended;
      lent.release();
      // The pool drops the dead connection and opens another.
      expect(await ds.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await ds.destroy();
    }
  }, 15_000);
});

/** How many of the file's bonus activities (its schedule's run) ran again after an attempt failed on a cut connection. */
async function cutAttempts(engine: Client, candidateId: string): Promise<number> {
  // Failure messages are encrypted with the payloads: read through the codec.
  const history = await fetchDecodedHistory(engine.workflow.getHandle(candidateWorkflowId(candidateId)));
  const scheduled = new Map<string, string>();
  let n = 0;
  for (const e of history.events ?? []) {
    const s = e.activityTaskScheduledEventAttributes;
    if (s) scheduled.set(String(e.eventId), s.activityType?.name ?? '');
    const started = e.activityTaskStartedEventAttributes;
    if (started && scheduled.get(String(started.scheduledEventId)) === 'createPaymentTask' && (started.attempt ?? 1) > 1) {
      if (/terminat/i.test(started.lastFailure?.message ?? '')) n++;
    }
  }
  return n;
}
