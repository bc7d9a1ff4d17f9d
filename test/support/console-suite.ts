import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { launchBrowser } from './browser';
import type { TestRound } from './review-helpers';
import type { client, startApi } from './service';
import { startStack } from './stack';

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
 * the stack of test/support/stack.ts (a worker and the API on their own task queue, the database, a
 * round) and chromium. Read the fields
 * inside the tests (they are set once `beforeAll` has run).
 */
export function consoleSuite(name: string): ConsoleSuite {
  const suite = { env: { TEMPORAL_TASK_QUEUE: `it-${name}-${randomUUID()}` } } as ConsoleSuite;
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  beforeAll(async () => {
    stack = await startStack(suite.env);
    Object.assign(suite, { api: stack.api, worker: stack.worker, http: stack.http, db: stack.db, round: stack.round });
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await stack?.close();
  });
  return suite;
}
