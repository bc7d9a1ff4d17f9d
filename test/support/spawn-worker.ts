import { spawn, type ChildProcess } from 'node:child_process';
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
