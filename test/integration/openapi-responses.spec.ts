import { client, startApi } from '../support/service';

jest.setTimeout(60_000);

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * Why a response's schema says nothing of what is sent, or null when it does: a named DTO with
 * fields, a list of them, or the bytes of a download (`format: binary`). A bare `object` or a DTO
 * without properties documents nothing.
 */
function emptiness(doc: Document, schema: Schema | undefined, seen = new Set<string>()): string | null {
  if (!schema) return 'no schema';
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return null;
    return emptiness(doc, doc.components?.schemas?.[name], new Set([...seen, name])) && `${name} has no fields`;
  }
  const alternatives = schema.oneOf ?? schema.allOf;
  if (alternatives) return alternatives.filter((s) => s.type !== 'null').every((s) => emptiness(doc, s, seen) === null) ? null : 'an alternative without fields';
  if (schema.type === 'array') return emptiness(doc, schema.items, seen) && 'a list of nothing described';
  if (schema.type === 'string' && schema.format === 'binary') return null;
  if (schema.properties && Object.keys(schema.properties).length) return null;
  return `a bare ${schema.type ?? 'schema'}`;
}

/** Every 2xx answer of every operation in the OpenAPI document says what it sends: explicit response types, no undocumented shapes. */
describe('the OpenAPI document (GET /docs-json)', () => {
  let doc: Document;
  beforeAll(async () => {
    const api = await startApi({ API_DOCS: 'true' });
    try {
      doc = (await client(api.url).get('/docs-json')).body as Document;
    } finally {
      await api.close();
    }
  });

  it('gives each operation a 2xx response with a schema that names its fields (or binary content for a download)', () => {
    const operations: string[] = [];
    const lacking: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.has(method)) continue;
        const name = `${method.toUpperCase()} ${path}`;
        operations.push(name);
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (!ok.length) lacking.push(`${name}: no 2xx response`);
        for (const [status, response] of ok) {
          const contents = Object.entries(response.content ?? {});
          if (!contents.length) lacking.push(`${name} ${status}: no content`);
          for (const [type, { schema }] of contents) {
            const why = emptiness(doc, schema);
            if (why) lacking.push(`${name} ${status} ${type}: ${why}`);
          }
        }
      }
    expect(operations.length).toBeGreaterThan(60);
    expect(lacking).toEqual([]);
  });
});
