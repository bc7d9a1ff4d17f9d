import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMigrations } from '../libs/db/data-source';
import { withDevSecrets } from '../libs/dev/dev-secrets';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../libs/dev/embedded-postgres';
import { startDevServer, type DevServer } from '../libs/dev/temporal-dev-server';

/**
 * `npm start`: everything on one machine. Uses TEMPORAL_ADDRESS and DATABASE_URL when set, else a
 * local Temporal dev server and an embedded PostgreSQL, both keeping their data under DATA_DIR.
 * Runs migrations, then supervises the worker and the API; Ctrl-C stops all of it cleanly.
 */
const root = resolve(__dirname, '..', '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const say = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let env = withDevSecrets(process.env, join(dataDir, 'dev-secrets.json'));
  const owned: Array<{ name: string; stop(): Promise<void> }> = [];
  let children: Supervised[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(children.map((c) => c.stop()));
    for (const o of owned.reverse()) await o.stop().catch((e) => say(`${o.name}: ${(e as Error).message}`));
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    let uiUrl = env.TEMPORAL_UI_URL ?? null;
    if (!env.TEMPORAL_ADDRESS) {
      const port = Number(env.TEMPORAL_PORT ?? 7233);
      const uiPort = Number(env.TEMPORAL_UI_PORT ?? port + 1000);
      const server: DevServer = await startDevServer({ port, uiPort, dbFilename: join(dataDir, 'temporal.db') });
      owned.push({ name: 'temporal', stop: () => server.stop() });
      env = { ...env, TEMPORAL_ADDRESS: server.address };
      uiUrl = server.uiUrl;
      say(`Temporal dev server on ${server.address} (data in ${join(dataDir, 'temporal.db')})`);
    }
    if (!env.DATABASE_URL) {
      const pg: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: Number(env.EMBEDDED_PG_PORT ?? 0) });
      owned.push({ name: 'postgres', stop: () => pg.stop() });
      env = { ...env, DATABASE_URL: pg.url };
      say(`embedded PostgreSQL (PGlite) on ${pg.url.replace(/\/\/[^@]*@/, '//')} (data in ${join(dataDir, 'pg')})`);
    }
    const applied = await runMigrations(env.DATABASE_URL!);
    say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

    const port = env.PORT ?? '3000';
    env = { ...env, PORT: port, ...(uiUrl && { TEMPORAL_UI_URL: uiUrl }) };
    children = [
      new Supervised('worker', join(root, 'dist', 'apps', 'worker', 'src', 'main.js'), env, () => stopping),
      new Supervised('api', join(root, 'dist', 'apps', 'api', 'src', 'main.js'), env, () => stopping),
    ];
    children.forEach((c) => c.start());
    await waitForHealth(`http://127.0.0.1:${port}/health`);
    console.log('');
    console.log(`  Web console  http://localhost:${port}/  (development sign-in: pick a role, user and area)`);
    console.log(`  API          http://localhost:${port}`);
    console.log(`  OpenAPI docs http://localhost:${port}/docs`);
    if (uiUrl) console.log(`  Temporal UI  ${uiUrl}`);
    console.log(`  A token:     npm run token -- union_office`);
    console.log('  Ctrl-C stops everything; data stays in ' + dataDir);
    console.log('');
  } catch (err) {
    say(`failed: ${(err as Error).message}`);
    await shutdown(1);
  }
}

/** A child process restarted if it dies while the service is meant to be up. */
class Supervised {
  private child?: ChildProcess;
  private restarts: number[] = [];

  constructor(
    private readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly stopping: () => boolean,
  ) {}

  start(): void {
    const child = spawn(process.execPath, [this.script], { env: this.env, stdio: 'inherit' });
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.stopping()) return;
      const now = Date.now();
      this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
      if (this.restarts.length > 5) {
        say(`${this.name} keeps failing (exit ${code ?? signal}); giving up`);
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      say(`${this.name} exited (${code ?? signal}); restarting`);
      setTimeout(() => this.start(), 1000);
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy at ${url}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

void main();
