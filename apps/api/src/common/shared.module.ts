import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { PaymentTaskRepository } from '../../../../libs/db';
import { PiiCipher } from '../../../../libs/security/pii';
import { CandidateAccess } from '../candidates/candidate-access';
import { CandidateViewer } from '../candidates/candidate-viewer';

/** Providers every feature module uses. */
@Global()
@Module({
  providers: [
    { provide: PiiCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PiiCipher(config.pii) },
    { provide: PaymentTaskRepository, inject: [DataSource], useFactory: (ds: DataSource) => new PaymentTaskRepository(ds) },
    CandidateAccess,
    CandidateViewer,
  ],
  exports: [PiiCipher, PaymentTaskRepository, CandidateAccess, CandidateViewer],
})
export class SharedModule {}
