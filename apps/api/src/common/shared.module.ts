import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { PiiCipher } from '../../../../libs/security/pii';
import { CandidateAccess } from '../candidates/candidate-access';
import { CandidateViewer } from '../candidates/candidate-viewer';

/** Providers every feature module uses. */
@Global()
@Module({
  providers: [{ provide: PiiCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PiiCipher(config.pii) }, CandidateAccess, CandidateViewer],
  exports: [PiiCipher, CandidateAccess, CandidateViewer],
})
export class SharedModule {}
