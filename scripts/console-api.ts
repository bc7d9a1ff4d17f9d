import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApi, openApiDocument } from '../apps/api/src/bootstrap';
import { loadConfig } from '../libs/config';
import { generateLocalKeyPair } from '../libs/security/local-issuer';

/**
 * The console's typed API client comes from the service's OpenAPI document, not from hand-written
 * types: this writes the document (apps/console/openapi.json) from the Nest app itself and the types
 * openapi-typescript makes of it (apps/console/src/api/schema.d.ts). `npm run console:api` after
 * changing the API; test/unit/console-api.spec.ts fails while either is stale.
 */
export const CONSOLE = resolve(__dirname, '..', ...(__dirname.includes(`${join('dist', 'scripts')}`) ? ['..'] : []), 'apps', 'console');
export const DOCUMENT_PATH = join(CONSOLE, 'openapi.json');
export const SCHEMA_PATH = join(CONSOLE, 'src', 'api', 'schema.d.ts');

/** The document as the development API serves it at /docs-json (the dev sign-in included), built without a database or Temporal. */
export async function consoleDocument(): Promise<string> {
  const keys = generateLocalKeyPair();
  const config = loadConfig({
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    AUTH_LOCAL_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
    PII_KEYS: `doc:${randomBytes(32).toString('base64')}`,
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
  });
  const app = await createApi(config, { logger: false, preview: true });
  try {
    return `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

const BANNER = '/** Generated from apps/console/openapi.json by openapi-typescript (npm run console:api): do not edit. */\n\n';

/** openapi-typescript (ES modules only) in a Node of its own: the same from this script and from Jest, which cannot load it. */
const GENERATE = `import openapiTS, { astToString } from 'openapi-typescript';
let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(astToString(await openapiTS(input)));`;

/** The TypeScript types openapi-typescript makes of a document. */
export function schemaOf(document: string): string {
  return (
    BANNER +
    execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], { input: document, encoding: 'utf8', cwd: resolve(__dirname, '..'), maxBuffer: 64 << 20 })
  );
}

async function main(): Promise<void> {
  const document = await consoleDocument();
  writeFileSync(DOCUMENT_PATH, document);
  writeFileSync(SCHEMA_PATH, schemaOf(document));
  console.log(`wrote ${DOCUMENT_PATH} and ${SCHEMA_PATH}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
