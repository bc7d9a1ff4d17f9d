import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/config';
import { sealClearAttachments } from '../libs/db/attachment-sealing';
import { dataSourceOptions } from '../libs/db/data-source';
import { PiiCipher } from '../libs/security/pii';

/**
 * `npm run attachments:seal`: seals the documents uploaded before attachments were sealed at rest,
 * under the active suite and key (a migration cannot: it holds no keys). Safe to run while the API
 * serves, and again: rows already sealed are left alone.
 */
async function main(): Promise<void> {
  const config = loadConfig();
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
