import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built worker, run as its own process so a fault test can kill it the hard way. */
export const WORKER = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');

export function spawnWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [WORKER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('worker polling') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  child.stderr!.resume();
  return { child, ready };
}

export const killed = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));

/** The workers one test file spawns on its task queue, started one after another; whatever still runs at the end is killed. */
export function workerFleet(env: NodeJS.ProcessEnv) {
  const children: ChildProcess[] = [];
  return {
    async start(): Promise<ChildProcess> {
      if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run the build (npm test does) first`);
      const { child, ready } = spawnWorker(env);
      children.push(child);
      await ready;
      return child;
    },
    killAll: () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')),
  };
}
