import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/dev/free-port';
import { startDevServer, type DevServer } from '../../libs/dev/temporal-dev-server';
import { commendUnderFault, whenMoreThan } from '../support/commendation-batch';
import { killed, workerFleet } from '../support/spawn-worker';
import { startApi } from '../support/service';

jest.setTimeout(240_000);

const N = 50;

/**
 * Issue 7 §4: the Temporal server itself killed while a ceremony commends 50 masters, and started
 * again on the same database file. A dev server of this file's own (the suite's shared one must
 * stay up), with its own API client, worker and task queue.
 */
describe('a batch of 50 commendations across a Temporal server killed and restarted on its database file (real servers)', () => {
  // In memory where there is /dev/shm: the file outlives the server's process all the same, and the
  // cohort is not slowed by SQLite's syncs to disk.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'omc-fault-temporal-'));
  const dbFilename = join(dir, 'temporal.db');
  let port: number;
  let server: DevServer;
  let api: Awaited<ReturnType<typeof startApi>>;
  let fleet: ReturnType<typeof workerFleet>;

  beforeAll(async () => {
    port = await freePort();
    server = await startDevServer({ port, dbFilename, quiet: true });
    // A server of its own on a database file answers more slowly than the suite's in memory: the API waits longer before a 503.
    const env = { TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: `it-fault-temporal-${randomUUID()}`, TEMPORAL_CALL_TIMEOUT: '30s' };
    fleet = workerFleet(env);
    api = await startApi({ ...env, MIN_PANEL_SIZE: '1' });
  });
  afterAll(async () => {
    fleet?.killAll();
    await api?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every workflow, and each completes its step once: no bonus lost, none doubled', async () => {
    const worker = await fleet.start();
    const run = await commendUnderFault(api, N, async (created) => {
      await whenMoreThan(created, N / 4);
      // SIGKILL: no graceful shutdown; the workflows must come back from the database file alone.
      server.process.kill('SIGKILL');
      await killed(server.process);
      const atKill = await created();
      await new Promise((r) => setTimeout(r, 3000));
      const duringOutage = await created();
      server = await startDevServer({ port, dbFilename, quiet: true });
      return { atKill, duringOutage };
    });
    expect(run.fault.atKill).toBeGreaterThan(0);
    expect(run.fault.atKill).toBeLessThan(N);
    // The worker rode out the outage: its connection came back with the server.
    expect(worker.exitCode).toBeNull();
    console.log(
      `fault-temporal-restart: cohort ready in ${run.cohortMs} ms, batch done in ${run.batchMs} ms; ` +
        `bonuses ${run.fault.atKill} of ${N} at the kill, ${run.fault.duringOutage} after 3 s down`,
    );
  });
});
