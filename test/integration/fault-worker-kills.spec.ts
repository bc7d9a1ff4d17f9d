import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/common/temporal.module';
import {
  cohortAwaitingCeremony,
  expectEachBonusOnce,
  expectSchedulesPaying,
  holdCeremony,
  instructionsOf,
  untilClosed,
  whenMoreThan,
} from '../support/commendation-batch';
import { killed, workerFleet } from '../support/spawn-worker';
import { client, eventually, startApi } from '../support/service';

jest.setTimeout(240_000);

const N = 50;

/** Issue 7 §4: the worker SIGKILLed three times while a ceremony commends 50 masters; each bonus instruction exists once. */
describe('a batch of 50 commendations under three worker SIGKILLs (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-fault-kills-${randomUUID()}` };
  const fleet = workerFleet(env);
  let api: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => (api = await startApi({ ...env, MIN_PANEL_SIZE: '1' })));
  afterAll(async () => {
    fleet.killAll();
    await api?.close();
  });

  it('creates every bonus exactly once, the total exact to the fen, and every file reaches its schedule', async () => {
    const http = client(api.url);
    const db = api.app.get(DataSource);
    const engine = api.app.get<Client>(TEMPORAL_CLIENT);
    let worker = await fleet.start();
    const setupFrom = Date.now();
    const { round, files } = await cohortAwaitingCeremony(http, N);
    expect(await instructionsOf(db, files)).toBe(0);

    await holdCeremony(http, round.roundId);
    // The kills are spread over the batch: after a quarter, a half and three quarters of the bonuses exist.
    const atKill: number[] = [];
    const batchFrom = Date.now();
    const setupMs = batchFrom - setupFrom;
    for (let k = 0; k < 3; k++) {
      await whenMoreThan(() => instructionsOf(db, files), Math.max(atKill.at(-1) ?? 0, Math.floor(((k + 1) * N) / 4)), 90_000);
      worker.kill('SIGKILL');
      await killed(worker);
      atKill.push(await instructionsOf(db, files));
      worker = await fleet.start();
    }
    expect(atKill.every((n) => n > 0 && n < N)).toBe(true);

    // What the dead workers held is retried once its timeouts pass (activities 15 s).
    await eventually(
      () => instructionsOf(db, files),
      (n) => n >= N,
      90_000,
    );
    await untilClosed(http, round.roundId);
    await expectEachBonusOnce(db, http, round, files);
    await expectSchedulesPaying(engine, db, files);
    console.log(`fault-worker-kills: cohort ready in ${setupMs} ms, batch done in ${Date.now() - batchFrom} ms; bonuses at each kill ${atKill.join(', ')} of ${N}`);
  });
});
