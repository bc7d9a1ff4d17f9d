import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../../../libs/config';
import { installTemporalLogger } from '../../../libs/logging/temporal-logger';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  installTemporalLogger();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(), {}), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
