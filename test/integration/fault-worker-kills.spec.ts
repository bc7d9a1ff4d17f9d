import { randomUUID } from 'node:crypto';
import { commendUnderFault, faultStack, whenMoreThan } from '../support/commendation-batch';
import { killed } from '../support/spawn-worker';

jest.setTimeout(240_000);

const N = 50;

/** Issue 7 §4: the worker SIGKILLed three times while a ceremony commends 50 masters; each bonus instruction exists once. */
describe('a batch of 50 commendations under three worker SIGKILLs (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-fault-kills-${randomUUID()}` };
  const stack = faultStack(env);

  it('creates every bonus exactly once, the total exact to the fen, and every file reaches its schedule', async () => {
    let worker = await stack.fleet.start();
    const run = await commendUnderFault(stack.api, N, async (created) => {
      // The kills are spread over the batch: after a quarter, a half and three quarters of the bonuses exist.
      const atKill: number[] = [];
      for (let k = 0; k < 3; k++) {
        await whenMoreThan(created, Math.max(atKill.at(-1) ?? 0, Math.floor(((k + 1) * N) / 4)));
        worker.kill('SIGKILL');
        await killed(worker);
        atKill.push(await created());
        worker = await stack.fleet.start();
      }
      return atKill;
    });
    // Each kill landed mid-batch: some bonuses existed, not all.
    expect(run.fault.every((n) => n > 0 && n < N)).toBe(true);
    console.log(`fault-worker-kills: cohort ready in ${run.cohortMs} ms, batch done in ${run.batchMs} ms; bonuses at each kill ${run.fault.join(', ')} of ${N}`);
  });
});
