import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createApi } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { loadConfig } from '../libs/config';
import { runMigrations } from '../libs/db/data-source';
import { withDevSecrets } from '../libs/dev/dev-secrets';
import { startEmbeddedPostgres } from '../libs/dev/embedded-postgres';
import { startDevServer } from '../libs/dev/temporal-dev-server';
import { report, runDemo } from './demo-round';

/**
 * `npm run demo [-- --candidates N]`: a whole round on a stack of its own, in a fresh folder
 * data/demo-<timestamp>/ — a Temporal dev server on a free port, an embedded PostgreSQL (PGlite),
 * migrations, the worker and the API in this process — so it never touches `npm start`'s data.
 * The notice lasts 5 s and the dev voting verifier is on; the public rate limit is lifted because
 * every demo voter comes from this one address.
 */
const root = resolve(__dirname, '..', '..');
const say = (line: string) => console.log(`[demo] ${line}`);

function candidatesArg(argv: string[]): number {
  const i = argv.indexOf('--candidates');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--candidates='))?.split('=')[1];
  if (raw === undefined) return 60;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 2 || n > 999) throw new Error(`--candidates must be a whole number from 2 to 999 (got '${raw}')`);
  return n;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

async function main(): Promise<number> {
  const candidates = candidatesArg(process.argv.slice(2));
  // The worker's INFO lines (bundle built, state changes) would drown the one line per phase.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = join(root, 'data', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dataDir, { recursive: true });
  const stops: Array<{ name: string; stop(): Promise<unknown> }> = [];
  const stopAll = async () => {
    for (const s of stops.reverse()) await s.stop().catch((e) => say(`stopping ${s.name}: ${(e as Error).message}`));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const started = Date.now();
    const temporal = await startDevServer({ port: await freePort(), dbFilename: join(dataDir, 'temporal.db'), quiet: true });
    stops.push({ name: 'temporal', stop: () => temporal.stop() });
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg') });
    stops.push({ name: 'postgres', stop: () => pg.stop() });
    await runMigrations(pg.url);
    const env: NodeJS.ProcessEnv = {
      ...withDevSecrets({ ...process.env, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: pg.url }, join(dataDir, 'dev-secrets.json')),
      PUBLIC_NOTICE_DURATION: '5s',
      VOTE_DEV_VERIFIER: 'true',
      VOTE_RATE_LIMIT_PER_MINUTE: '1000000',
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

    const result = await runDemo({ apiUrl, signingKey: env.AUTH_LOCAL_PRIVATE_KEY!, candidates });
    for (const line of report(result)) say(line);
    return 0;
  } catch (err) {
    say(`failed: ${(err as Error).stack ?? (err as Error).message}`);
    return 1;
  } finally {
    say('stopping…');
    await stopAll();
    say('stopped');
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      say(err.message); // a bad argument, before anything started
      process.exit(2);
    },
  );
}
