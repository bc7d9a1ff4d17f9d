import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../contract/engine';

const ROOT = join(__dirname, '..', '..', ...(__dirname.includes(`${join('dist', 'libs')}`) ? ['..'] : []));

/** The `temporal` CLI: from PATH, else the pinned copy scripts/ensure.sh installs from PyPI into .tools/. */
export function temporalCli(): string {
  const local = join(ROOT, '.tools', 'py', 'bin', 'temporal');
  if (spawnSync('temporal', ['--version'], { stdio: 'ignore' }).status === 0) return 'temporal';
  if (existsSync(local)) return local;
  throw new Error('no temporal CLI: run scripts/ensure.sh (npm start and npm test do) or put `temporal` on PATH');
}

export function testServerBinary(): string {
  const local = join(ROOT, '.tools', 'py', 'bin', 'temporal-test-server');
  if (!existsSync(local)) throw new Error(`no time-skipping test server at ${local}: run scripts/ensure.sh`);
  return local;
}

export interface DevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev`; with a dbFilename its workflows survive a restart. */
export async function startDevServer(opts: { port: number; uiPort?: number; dbFilename?: string; quiet?: boolean }): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'error'];
  if (opts.uiPort) args.push('--ui-port', String(opts.uiPort));
  else args.push('--headless');
  if (opts.dbFilename) args.push('--db-filename', opts.dbFilename);
  for (const key of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${key.name}=Keyword`);
  const child = spawn(temporalCli(), args, { stdio: opts.quiet ? 'ignore' : ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const address = `127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise<'waiting'>((r) => setTimeout(r, 250, 'waiting'))]);
    if (code !== 'waiting') throw new Error(`temporal dev server exited (code ${code}); is port ${opts.port} already in use?`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      await conn.workflowService.getSystemInfo({});
      await conn.close();
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`temporal dev server did not answer on ${address}: ${(err as Error).message}`, { cause: err });
      }
    }
  }
  return {
    address,
    uiUrl: opts.uiPort ? `http://127.0.0.1:${opts.uiPort}` : null,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
