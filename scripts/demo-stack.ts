import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApi } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { loadConfig } from '../libs/config';
import { runMigrations } from '../libs/db/data-source';
import { withDevSecrets } from '../libs/dev/dev-secrets';
import { startEmbeddedPostgres } from '../libs/dev/embedded-postgres';
import { freePort } from '../libs/dev/free-port';
import { startDevServer } from '../libs/dev/temporal-dev-server';

export interface DemoStack {
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  stop(): Promise<void>;
}

const root = resolve(__dirname, '..', '..');

/**
 * A stack of its own in a fresh folder data/<name>-<timestamp>/ — a Temporal dev server on a free
 * port, an embedded PostgreSQL (PGlite), migrations, the worker and the API in this process — so it
 * never touches `npm start`'s data. The dev voting verifier is on and the public rate limit lifted:
 * every demo voter comes from this one address. `overrides` adds settings (e.g. the notice's length).
 */
export async function startDemoStack(name: string, overrides: NodeJS.ProcessEnv, say: (line: string) => void): Promise<DemoStack> {
  // The worker's INFO lines (bundle built, state changes) would drown the progress lines.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = join(root, 'data', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dataDir, { recursive: true });
  const stops: Array<{ name: string; stop(): Promise<unknown> }> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s.stop().catch((e) => say(`stopping ${s.name}: ${(e as Error).message}`));
  };
  try {
    const started = Date.now();
    const temporal = await startDevServer({ port: await freePort(), dbFilename: join(dataDir, 'temporal.db'), quiet: true });
    stops.push({ name: 'temporal', stop: () => temporal.stop() });
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg') });
    stops.push({ name: 'postgres', stop: () => pg.stop() });
    await runMigrations(pg.url);
    const env: NodeJS.ProcessEnv = {
      ...withDevSecrets({ ...process.env, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: pg.url }, join(dataDir, 'dev-secrets.json')),
      VOTE_DEV_VERIFIER: 'true',
      VOTE_RATE_LIMIT_PER_MINUTE: '1000000',
      ...overrides,
    };
    const config = loadConfig(env);
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    stops.push({ name: 'worker', stop: () => worker.close() });
    const api = await createApi(config, { logger: false });
    await api.listen(0, '127.0.0.1');
    stops.push({ name: 'api', stop: () => api.close() });
    const apiUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    say(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: Temporal ${temporal.address}, PGlite, API ${apiUrl}; data in ${dataDir}`);
    return { apiUrl, env, dataDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
