import { readFileSync } from 'node:fs';
import { consoleDocument, DOCUMENT_PATH, SCHEMA_PATH, schemaOf } from '../../scripts/console-api';

jest.setTimeout(60_000);

/** The console's typed client is generated from the OpenAPI document: both committed files must match the API as it is. */
describe("the console's API types (apps/console)", () => {
  it('openapi.json is the document the API serves, and schema.d.ts what openapi-typescript makes of it (else: npm run console:api)', async () => {
    const document = await consoleDocument();
    expect(readFileSync(DOCUMENT_PATH, 'utf8')).toBe(document);
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaOf(document));
  });
});
