import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { launchBrowser } from './browser';
import { closeRounds, createLegacyRound, openDb, type TestRound } from './review-helpers';
import { client, startApi, startWorker } from './service';

export interface ConsoleSuite {
  /** The task queue the suite's worker and API share (start another API on it with `{ ...env, … }`). */
  env: { TEMPORAL_TASK_QUEUE: string };
  api: Awaited<ReturnType<typeof startApi>>;
  worker: INestApplicationContext;
  http: ReturnType<typeof client>;
  db: DataSource;
  /** A round that takes nominations (legacy windows), removed with its workflows after the suite. */
  round: TestRound;
  browser: Browser;
}

/**
 * What a browser test of the console runs against, started in `beforeAll` and stopped in `afterAll`:
 * a worker and the API on their own task queue, the database, a round and chromium. Read the fields
 * inside the tests (they are set once `beforeAll` has run).
 */
export function consoleSuite(name: string): ConsoleSuite {
  const suite = { env: { TEMPORAL_TASK_QUEUE: `it-${name}-${randomUUID()}` } } as ConsoleSuite;
  beforeAll(async () => {
    suite.worker = await startWorker(suite.env);
    suite.api = await startApi(suite.env);
    suite.http = client(suite.api.url);
    suite.db = await openDb();
    suite.round = await createLegacyRound(suite.db);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await closeRounds(suite.db, suite.round ? [suite.round.roundId] : []);
    await suite.db?.destroy();
    await suite.api?.close();
    await suite.worker?.close();
  });
  return suite;
}
