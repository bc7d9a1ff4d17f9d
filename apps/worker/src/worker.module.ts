import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { dataSourceOptions } from '../../../libs/db';
import { workerLogParams, type LogOutput } from '../../../libs/logging/log-options';
import { WorkerService } from './worker.service';

@Module({})
export class WorkerModule {
  /** `logs` absent: no pino at all (nestjs-pino keeps one root logger per process, which in-process tests must not claim). */
  static forRoot(config: AppConfig, logs?: LogOutput): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...(logs ? [LoggerModule.forRoot(workerLogParams(logs))] : []), TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 5))],
      providers: [{ provide: APP_CONFIG, useValue: config }, WorkerService],
    };
  }
}
