import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, bundleWorkflowCode } from '@temporalio/worker';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createApi } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { loadConfig, type AppConfig } from '../libs/config';
import type { Role } from '../libs/contract';
import { runMigrations } from '../libs/db/data-source';
import { startEmbeddedPostgres } from '../libs/dev/embedded-postgres';
import { freePort } from '../libs/dev/free-port';
import { startDevServer, type DevServer } from '../libs/dev/temporal-dev-server';
import { generateLocalKeyPair, signLocalToken } from '../libs/security/local-issuer';
import { encryptingDataConverter, FAILURE_CONVERTER_PATH } from '../libs/temporal/encryption-codec';

/**
 * What every benchmark runs on: a Temporal dev server of its own (in memory), a database of its own,
 * the real worker (its Nest module, as in production) and, if asked, the API, all on loopback.
 *
 * With DATABASE_URL the benchmark works in a scratch database created beside it and dropped at the
 * end, so rounds and files from an earlier run never change what a later run measures (a round in the
 * database makes every nomination join it); without, in an embedded PostgreSQL.
 */
export interface Stack {
  temporal: DevServer;
  config: AppConfig;
  client: Client;
  worker: INestApplicationContext | null;
  api: NestExpressApplication | null;
  base: string;
  /** The API in its own process, when asked for (`apiProcess`). */
  processBase: string;
  databaseUrl: string;
  dbLabel: string;
  /** A bearer token of the local issuer this stack's API trusts. */
  token(role: Role, sub: string): string;
  /** The environment the stack's config was loaded from, for a worker started later or in another process. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** `worker: false` leaves the worker out (a benchmark that starts no workflow); `env` adds settings; `apiProcess` runs the API as its own process too. */
export async function startStack(opts: { api: boolean; apiProcess?: boolean; worker?: boolean; env?: NodeJS.ProcessEnv }): Promise<Stack> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const temporal = await startDevServer({ port: 17233 + Math.floor(Math.random() * 1000), quiet: true });
  const db = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null;
  const pg = db ? null : await startEmbeddedPostgres();
  const databaseUrl = db?.url ?? pg!.url;
  const issuerKeys = generateLocalKeyPair();
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    DATABASE_URL: databaseUrl,
    AUTH_LOCAL_PRIVATE_KEY: JSON.stringify(issuerKeys.privateJwk),
    AUTH_LOCAL_PUBLIC_KEY: JSON.stringify(issuerKeys.publicJwk),
    PII_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
    // One benchmark account files nominations by the thousand.
    NOMINATIONS_PER_MINUTE: '1000000',
    ...opts.env,
  };
  await runMigrations(databaseUrl);
  const config = loadConfig(env);
  const worker = opts.worker === false ? null : await startWorker(config);
  const api = opts.api ? await createApi(config, { logger: false }) : null;
  let base = '';
  if (api) {
    await api.listen(0, '127.0.0.1');
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  }
  // The API as deployed: its own process (dist/apps/api/src/main.js), beside this one's worker.
  const apiProcess = opts.apiProcess ? await spawnApi(env) : null;
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }), dataConverter: encryptingDataConverter(config.pii) });
  return {
    temporal,
    config,
    client,
    worker,
    api,
    base,
    processBase: apiProcess?.base ?? '',
    databaseUrl,
    dbLabel: db ? `PostgreSQL (scratch database ${db.name})` : 'embedded PostgreSQL',
    token: (role, sub) => signLocalToken({ sub, role }, issuerKeys.privateJwk),
    env,
    async close() {
      await api?.close();
      await apiProcess?.stop();
      await worker?.close();
      await client.connection.close();
      await pg?.stop();
      await db?.drop();
      await temporal.stop();
    },
  };
}

/** The real worker (its Nest module, as in production), polling once this resolves. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  return worker;
}

/**
 * The workflow bundle built once into a file, as the Docker image does (`WORKFLOW_BUNDLE_PATH`): a
 * worker started from it polls within a second instead of bundling first.
 */
export async function prebuiltWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: new DefaultLogger('WARN'),
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-bundle-'));
  const path = join(dir, 'workflow-bundle.js');
  await writeFile(path, code);
  return path;
}

/** Starts the built API as a child process and waits until it answers. */
async function spawnApi(env: NodeJS.ProcessEnv): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '..', 'apps', 'api', 'src', 'main.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode})`);
    if (
      await fetch(`${base}/health`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error('the API process did not answer in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

/** A fresh database on the server DATABASE_URL names, dropped by `drop()`. */
async function scratchDatabase(url: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `bench_${Date.now()}_${process.pid}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new PgClient({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), name, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** p-th percentile (nearest rank). */
export function pct(xs: number[], p: number): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

export function runMain(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
