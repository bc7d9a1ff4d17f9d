import { Global, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, poolOf } from '../../../../libs/audit';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { AuditController } from './audit.controller';
import { publicSettings } from './config-record';

/** The audit log for every module (the errors filter, the interceptor, the readers of personal data). */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    { provide: AuditLog, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, config: AppConfig) => new AuditLog(poolOf(ds), config.audit.hashAlgorithm) },
  ],
  exports: [AuditLog],
})
export class AuditModule implements OnApplicationBootstrap {
  constructor(
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The settings the API runs with are recorded at boot; an API that cannot record them does not start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.audit.append({
      actor: { issuer: 'system', userId: 'api', role: 'system' },
      action: 'config.loaded',
      objectType: 'config',
      detail: publicSettings(this.config),
    });
  }
}
