import { bundleWorkflowCode } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../libs/db/data-source';
import { generateLocalKeyPair } from '../../libs/security/local-issuer';
import { startEmbeddedPostgres } from '../../libs/dev/embedded-postgres';
import { startDevServer } from '../../libs/dev/temporal-dev-server';
import { freePort } from '../../libs/dev/free-port';
import { FAILURE_CONVERTER_PATH } from '../../libs/temporal/encryption-codec';

/**
 * Real parts for the integration suite: a Temporal dev server, and PostgreSQL — the one
 * DATABASE_URL names (CI points it at a fresh database) or else an embedded one. Migrations run
 * once; the workflow bundle is built once and handed to every worker through WORKFLOW_BUNDLE_PATH.
 */
export default async function globalSetup(): Promise<void> {
  const stops: Array<() => Promise<void>> = [];
  const temporal = await startDevServer({ port: await freePort(), quiet: true });
  stops.push(() => temporal.stop());
  process.env.TEMPORAL_ADDRESS = temporal.address;

  if (!process.env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres();
    stops.push(() => pg.stop());
    process.env.DATABASE_URL = pg.url;
  }
  await runMigrations(process.env.DATABASE_URL!);

  const dir = mkdtempSync(join(tmpdir(), 'omc-it-'));
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: silent });
  writeFileSync(join(dir, 'workflow-bundle.js'), code);
  process.env.WORKFLOW_BUNDLE_PATH = join(dir, 'workflow-bundle.js');

  // The local issuer's key pair for this run: the API verifies with the public half, test/support signs with the private.
  const issuerKeys = generateLocalKeyPair();
  process.env.AUTH_LOCAL_PRIVATE_KEY = JSON.stringify(issuerKeys.privateJwk);
  process.env.AUTH_LOCAL_PUBLIC_KEY = JSON.stringify(issuerKeys.publicJwk);
  process.env.PII_KEYS = `it1:${randomBytes(32).toString('base64')}`;
  process.env.PII_INDEX_KEY = randomBytes(32).toString('base64');
  process.env.PUBLIC_NOTICE_DURATION = '3s';
  // Test files share a nominator token across dozens of nominations; the limit has a test of its own.
  process.env.NOMINATIONS_PER_MINUTE = '1000000';
  (globalThis as { __integrationStops?: typeof stops }).__integrationStops = stops;
}

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;
