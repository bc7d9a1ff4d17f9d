import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../../libs/config';
import { dataSourceOptions } from '../../../libs/db';
import { httpLogParams, type LogOutput } from '../../../libs/logging/log-options';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuditTrail } from './audit/audit-trail.interceptor';
import { AuthGuard } from './auth/auth.guard';
import { ConsoleSignInController } from './auth/console-sign-in.controller';
import { ConsoleSignIn } from './auth/console-sign-in.service';
import { DevTokenController } from './auth/dev-token.controller';
import { BenefitsModule } from './benefits/benefits.module';
import { CandidateListController } from './candidates/candidate-list.controller';
import { CandidateListRepository } from './candidates/candidate-list.repository';
import { CandidateListService } from './candidates/candidate-list.service';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesService } from './candidates/candidates.service';
import { CodecModule } from './codec/codec.module';
import { DocumentsModule } from './documents/documents.module';
import { CompetitionsModule } from './competitions/competitions.module';
import { RefusalLog } from './candidates/refusal-log';
import { ReviewActionsController } from './candidates/review-actions.controller';
import { ReviewActionsService } from './candidates/review-actions.service';
import { PanelEmployerCheckRepository } from './candidates/panel-employer-check.repository';
import { InspectionModule } from './inspection/inspection.module';
import { TasksController } from './tasks/tasks.controller';
import { TrainingModule } from './training/training.module';
import { TasksService } from './tasks/tasks.service';
import { EngineDeadline } from './common/engine-deadline.interceptor';
import { ErrorsFilter } from './common/errors.filter';
import { SharedModule } from './common/shared.module';
import { TemporalModule } from './common/temporal.module';
import { FinanceModule } from './finance/finance.module';
import { MastersModule } from './masters/masters.module';
import { PersonsModule } from './persons/persons.module';
import { RegisterModule } from './register/register.module';
import { BankAccountController } from './candidates/bank-account.controller';
import { HealthController } from './health/health.controller';
import { NominationsController } from './nominations/nominations.controller';
import { NominationsService } from './nominations/nominations.service';
import { NotificationsModule } from './notifications/notifications.module';
import { RoundsModule } from './rounds/rounds.module';
import { StudiosModule } from './studios/studios.module';
import { VotingModule } from './voting/voting.module';

@Module({})
export class AppModule {
  /** `logs` absent: no pino at all (nestjs-pino keeps one root logger per process, which in-process tests must not claim). */
  static forRoot(config: AppConfig, logs?: LogOutput): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(logs ? [LoggerModule.forRoot(httpLogParams(logs))] : []),
        { module: ConfigHolder, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        TemporalModule,
        AuditModule,
        SharedModule,
        RoundsModule,
        StudiosModule,
        AttachmentsModule,
        InspectionModule,
        VotingModule,
        FinanceModule,
        MastersModule,
        CodecModule,
        PersonsModule,
        DocumentsModule,
        RegisterModule,
        CompetitionsModule,
        TrainingModule,
        BenefitsModule,
        NotificationsModule,
      ],
      controllers: [
        HealthController,
        NominationsController,
        CandidateListController, // before CandidatesController: /candidates/export.csv is not an :id
        CandidatesController,
        ReviewActionsController,
        TasksController,
        BankAccountController,
        // The console's development sign-in: only while the local issuer signs (never in production).
        ...(config.auth.devSigningKey ? [DevTokenController] : []),
        ConsoleSignInController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
        { provide: APP_INTERCEPTOR, useClass: EngineDeadline },
        { provide: APP_INTERCEPTOR, useClass: AuditTrail },
        NominationsService,
        CandidatesService,
        ReviewActionsService,
        PanelEmployerCheckRepository,
        RefusalLog,
        TasksService,
        ConsoleSignIn,
        CandidateListService,
        CandidateListRepository,
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
