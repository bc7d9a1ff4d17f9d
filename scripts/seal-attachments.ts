import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/config';
import { withDevSecrets } from '../libs/dev/dev-secrets';
import { sealClearAttachments } from '../libs/db/attachment-sealing';
import { dataSourceOptions } from '../libs/db/data-source';
import { PiiCipher } from '../libs/security/pii';

/**
 * `npm run attachments:seal`: seals the documents uploaded before attachments were sealed at rest,
 * under the active suite and key (a migration cannot: it holds no keys). Safe to run while the API
 * serves, and again: rows already sealed are left alone. Run it with the API's environment (DATABASE_URL,
 * PII_KEYS, PII_ACTIVE_KEY_ID, PII_CIPHER_SUITE…); locally, what the environment leaves unset comes from
 * `npm start`'s data/dev-secrets.json, as for the API.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '..', 'data'));
  const env = process.env.NODE_ENV === 'production' ? process.env : withDevSecrets(process.env, join(dataDir, 'dev-secrets.json'));
  // The script talks to PostgreSQL only; the Temporal address is required by the shared config, not used.
  const config = loadConfig({ TEMPORAL_ADDRESS: 'unused:7233', ...env });
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl, 2)).initialize();
  try {
    const sealed = await sealClearAttachments(ds, new PiiCipher(config.pii));
    console.log(`sealed ${sealed} attachment(s) stored in clear`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
