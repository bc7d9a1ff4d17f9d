import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { encryptingDataConverter } from '../../../../libs/temporal/encryption-codec';
import { ensureSearchAttributes } from '../../../../libs/temporal/search-attributes';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const connection = await Connection.connect({ address: config.temporal.address });
        await ensureSearchAttributes(connection, config.temporal.namespace);
        // Every payload is encrypted before it reaches Temporal (libs/temporal/encryption-codec.ts).
        return new Client({ connection, namespace: config.temporal.namespace, dataConverter: encryptingDataConverter(config.pii) });
      },
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
