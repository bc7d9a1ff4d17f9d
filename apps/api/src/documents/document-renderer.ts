import { Injectable, Logger, ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { RenderJob } from './render-job';

/** Longest a document may take before the thread is replaced and the caller answered 503. */
const RENDER_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Renders documents on one thread of their own, started at the first request and kept (with its fonts
 * loaded): laying out Chinese text and subsetting a CJK font takes up to a second of CPU, which on the
 * API's own thread would hold up every other request, the public vote's included. Jobs queue on it.
 */
@Injectable()
export class DocumentRenderer implements OnModuleDestroy {
  private readonly log = new Logger('Documents');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  render(job: RenderJob): Promise<Buffer> {
    const worker = this.thread();
    const id = this.next++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new ServiceUnavailableException('the document took too long to render; try again'), true), RENDER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    // Compiled, the thread is the .js beside this file; under ts-node or Jest, the .ts source through ts-node.
    const source = __filename.endsWith('.ts');
    const worker = new Worker(require.resolve(`./render-thread${source ? '.ts' : '.js'}`), {
      execArgv: source ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
    worker.on('message', (msg: { id: number; pdf?: ArrayBuffer; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (!this.pending.size) worker.unref(); // an idle thread keeps no process alive
      if (msg.pdf) p.resolve(Buffer.from(msg.pdf));
      else {
        this.log.error(`a document failed to render: ${msg.error}`);
        p.reject(new Error(`the document could not be rendered: ${msg.error}`));
      }
    });
    worker.on('error', (err) => this.fail(err, false));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.fail(new Error('the rendering thread stopped'), false);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Every job waiting on the thread fails; a thread that hangs is replaced at the next request. */
  private fail(err: Error, terminate: boolean): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
    if (terminate && this.worker) {
      const worker = this.worker;
      this.worker = null;
      void worker.terminate();
    }
  }
}
