import { DataSource, type DataSourceOptions } from 'typeorm';
import { ResilientPgClient } from './pg-client';
import { CandidateEntity } from './entities/candidate.entity';
import { PaymentTaskEntity } from './entities/payment-task.entity';
import { PaymentTaskEventEntity } from './entities/payment-task-event.entity';
import { AttachmentEntity } from './entities/attachment.entity';
import { CandidateStatusEntity } from './entities/candidate-status.entity';
import { CandidateVersionEntity } from './entities/candidate-version.entity';
import { InspectionBatchEntity } from './entities/inspection-batch.entity';
import { RefusedDecisionEntity } from './entities/refused-decision.entity';
import { RoundEntity } from './entities/round.entity';
import { RoundEntryEntity } from './entities/round-entry.entity';
import { StageAlertEntity } from './entities/stage-alert.entity';
import { PanelEmployerCheckEntity } from './entities/panel-employer-check.entity';
import { InspectionBatchMoveEntity } from './entities/inspection-batch-move.entity';
import { VoteEntity, VoterDayEntity } from './entities/vote.entity';
import { ObjectionEntity } from './entities/objection.entity';
import { StudioBatchEntity } from './entities/studio-batch.entity';
import { StudioEntity } from './entities/studio.entity';
import { StudioApprenticeEntity } from './entities/studio-apprentice.entity';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { ReviewInDepth1764100000000 } from './migrations/1764100000000-review-in-depth';
import { PanelEmployerChecks1764200000000 } from './migrations/1764200000000-panel-employer-checks';
import { InspectionBatchMoves1764200000001 } from './migrations/1764200000001-inspection-batch-moves';
import { CandidateList1764210000000 } from './migrations/1764210000000-candidate-list';
import { PublicVoting1764220000000 } from './migrations/1764220000000-public-voting';
import { RoundWorkflow1764230000000 } from './migrations/1764230000000-round-workflow';
import { RoundDecisionReasons1764300000000 } from './migrations/1764300000000-round-decision-reasons';
import { VoterDayCandidates1764310000000 } from './migrations/1764310000000-voter-day-candidates';
import { PaymentInstructions1764320000000 } from './migrations/1764320000000-payment-instructions';
import { PaymentSchedules1764330000000 } from './migrations/1764330000000-payment-schedules';
import { MasterImports1764340000000 } from './migrations/1764340000000-master-imports';
import { SubmitterIssuer1764345000000 } from './migrations/1764345000000-submitter-issuer';
import { AuditLog1764350000000 } from './migrations/1764350000000-audit-log';
import { ConsentDocuments1764360000000 } from './migrations/1764360000000-consent-documents';
import { SealedAttachmentsRetention1764370000000 } from './migrations/1764370000000-sealed-attachments-retention';
import { MasterRegister1764380000000 } from './migrations/1764380000000-master-register';
import { Studios1764390000000 } from './migrations/1764390000000-studios';
import { Competitions1764395000000 } from './migrations/1764395000000-competitions';
import { Training1764395000001 } from './migrations/1764395000001-training';
import { MasterBenefits1764395000002 } from './migrations/1764395000002-master-benefits';
import { StudioBankAccount1764396000000 } from './migrations/1764396000000-studio-bank-account';
import { Notifications1764397000000 } from './migrations/1764397000000-notifications';
import { NotificationsByCandidate1764397500000 } from './migrations/1764397500000-notifications-by-candidate';

export const ENTITIES = [
  CandidateEntity,
  PaymentTaskEntity,
  PaymentTaskEventEntity,
  RoundEntity,
  CandidateVersionEntity,
  AttachmentEntity,
  CandidateStatusEntity,
  StageAlertEntity,
  RefusedDecisionEntity,
  InspectionBatchEntity,
  PanelEmployerCheckEntity,
  InspectionBatchMoveEntity,
  RoundEntryEntity,
  VoteEntity,
  VoterDayEntity,
  ObjectionEntity,
  StudioBatchEntity,
  StudioEntity,
  StudioApprenticeEntity,
];
export const MIGRATIONS = [
  Initial1764000000000,
  ReviewInDepth1764100000000,
  PanelEmployerChecks1764200000000,
  InspectionBatchMoves1764200000001,
  CandidateList1764210000000,
  PublicVoting1764220000000,
  RoundWorkflow1764230000000,
  RoundDecisionReasons1764300000000,
  VoterDayCandidates1764310000000,
  PaymentInstructions1764320000000,
  PaymentSchedules1764330000000,
  MasterImports1764340000000,
  SubmitterIssuer1764345000000,
  AuditLog1764350000000,
  ConsentDocuments1764360000000,
  SealedAttachmentsRetention1764370000000,
  MasterRegister1764380000000,
  Studios1764390000000,
  Competitions1764395000000,
  Training1764395000001,
  MasterBenefits1764395000002,
  StudioBankAccount1764396000000,
  Notifications1764397000000,
  NotificationsByCandidate1764397500000,
];

/** Schema changes go through migrations only — never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    // A connection lost outside a query must not end the process (see ResilientPgClient).
    extra: { max: poolSize, Client: ResilientPgClient },
  };
}

export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, 1));
  await ds.initialize();
  try {
    const done = await ds.runMigrations();
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
