import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { dataSourceOptions } from '../../../libs/db';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthGuard } from './auth/auth.guard';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesService } from './candidates/candidates.service';
import { RefusalLog } from './candidates/refusal-log';
import { ReviewActionsController } from './candidates/review-actions.controller';
import { ReviewActionsService } from './candidates/review-actions.service';
import { InspectionBatchesController } from './inspection/inspection-batches.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { ErrorsFilter } from './common/errors.filter';
import { SharedModule } from './common/shared.module';
import { TemporalModule } from './common/temporal.module';
import { FinanceController } from './finance/finance.controller';
import { HealthController } from './health/health.controller';
import { NominationsController } from './nominations/nominations.controller';
import { NominationsService } from './nominations/nominations.service';
import { RoundsModule } from './rounds/rounds.module';
import { VotingModule } from './voting/voting.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolder, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        TemporalModule,
        SharedModule,
        RoundsModule,
        AttachmentsModule,
        VotingModule,
      ],
      controllers: [
        HealthController,
        NominationsController,
        CandidatesController,
        ReviewActionsController,
        TasksController,
        InspectionBatchesController,
        FinanceController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
        NominationsService,
        CandidatesService,
        ReviewActionsService,
        RefusalLog,
        TasksService,
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
