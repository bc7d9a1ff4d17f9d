import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { closeRounds, createLegacyRound, openDb, type TestRound } from './review-helpers';
import { client, startApi, startWorker } from './service';

/**
 * The worker and the API in this process on one task queue, a data source on the shared database and
 * a round from before rounds ran as workflows (files decided stage by stage); `close` undoes it all.
 */
export async function startStack(env: NodeJS.ProcessEnv, workerEnv: NodeJS.ProcessEnv = {}) {
  const worker: INestApplicationContext = await startWorker({ ...env, ...workerEnv });
  const api = await startApi(env);
  const db: DataSource = await openDb();
  const round: TestRound = await createLegacyRound(db);
  return {
    api,
    worker,
    db,
    round,
    http: client(api.url),
    close: async () => {
      await closeRounds(db, [round.roundId]);
      await db.destroy();
      await api.close();
      await worker.close();
    },
  };
}
