import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { WorkerService } from '../apps/worker/src/worker.service';
import { loadConfig } from '../libs/config';

/**
 * The worker as `apps/worker/src/main.ts` runs it (same Nest module, same options), in a process of
 * its own so the parked benchmark reads this process's memory alone. It answers 'sample' over IPC
 * with its memory after a full garbage collection (when started with --expose-gc) and its cache count,
 * and 'count' with the cache count alone.
 */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  cachedWorkflows: number | null;
  collected: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function sample(service: WorkerService): Promise<MemorySample> {
  if (gc) {
    // Twice, a turn apart: weak references and finalizers let go on the second pass.
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, cachedWorkflows: service.cachedWorkflows(), collected: !!gc };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), { logger: false });
  await app.init();
  const service = app.get(WorkerService);
  process.on('message', (msg) => {
    if (msg === 'sample') void sample(service).then((s) => process.send!(s));
    // The cache count alone, without a collection: polled while the schedules start.
    if (msg === 'count') process.send!({ cachedWorkflows: service.cachedWorkflows() });
    if (msg === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send!('ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
