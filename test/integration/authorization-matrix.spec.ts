import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../libs/contract';
import { createRound, idNumber, mobileNumber, openDb, streetUnion } from '../support/review-helpers';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(300_000);

interface Operation {
  method: string;
  path: string;
  roles: Role[] | null; // null: public
}

/**
 * The authorisation matrix, generated from the OpenAPI document (each operation carries its roles as
 * `x-roles`): every operation × every role, with real tokens. A role the operation does not admit must
 * be refused (403); a scoped role it admits, asking for a file outside its scope, must not get a 2xx
 * (404 where it reads the file: existence does not leak). No 2xx anywhere it should not be.
 */
describe('authorisation matrix from the OpenAPI document (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-matrix-${randomUUID()}`, NOMINATIONS_PER_MINUTE: '1000', AUTH_FAILURE_LIMIT: '100000' };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  async function operations(): Promise<Operation[]> {
    const doc = (await http.get('/docs-json')).body as { paths: Record<string, Record<string, { 'x-roles'?: Role[]; 'x-public'?: boolean }>> };
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, roles: op['x-public'] ? null : (op['x-roles'] ?? []) })),
    );
  }

  it('refuses every role an operation does not admit, and every scoped role a file outside its scope; no unauthorised 2xx', async () => {
    const ops = await operations();
    // Every operation declares who may call it.
    expect(ops.filter((o) => o.roles !== null && o.roles.length === 0)).toEqual([]);
    expect(ops.length).toBeGreaterThan(60);

    const { roundId } = await createRound(http);
    const submitter = token('nominator');
    const filed = await http.post('/nominations', nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber(), area: 'louqiao' }), submitter);
    expect(filed.status).toBe(201);
    const fileId: string = filed.body.candidateId;

    // Each role's caller, for a scoped role one whose scope leaves the file out.
    const tag = randomUUID().slice(0, 8);
    const subOf = (role: Role) => `matrix-${tag}-${role}`;
    const outsider: Record<Role, string> = Object.fromEntries(ROLES.map((r) => [r, token(r, subOf(r))])) as Record<Role, string>;
    outsider.street_union = streetUnion('wutian', subOf('street_union'));
    const scoped = new Set<Role>(['nominator', 'street_union', 'expert', 'leadership', 'government']);

    const fill = (path: string) =>
      path
        .replace(/^\/candidates\/\{id\}/, `/candidates/${fileId}`)
        .replace(/^\/(public\/)?rounds\/\{id\}/, (_m, pub: string | undefined) => `/${pub ?? ''}rounds/${roundId}`)
        .replace('{month}', '2031-05')
        .replace(/\{[^}]+\}/g, () => randomUUID());

    const breaches: string[] = [];
    let refusals = 0;
    let checks = 0;
    for (const op of ops.filter((o) => o.roles !== null)) {
      const url = fill(op.path);
      for (const role of ROLES) {
        const admitted = op.roles!.includes(role);
        const outOfScope = admitted && scoped.has(role) && op.path.startsWith('/candidates/{id}');
        if (admitted && !outOfScope) continue;
        checks++;
        const res = await fetch(api.url + url, {
          method: op.method,
          headers: { authorization: `Bearer ${outsider[role]}`, ...(op.method !== 'GET' && { 'content-type': 'application/json' }) },
          ...(op.method !== 'GET' && { body: '{}' }),
        });
        await res.arrayBuffer();
        const want = admitted ? (op.method === 'GET' ? [404] : [400, 404]) : [403];
        if (res.status < 300 || !want.includes(res.status)) breaches.push(`${op.method} ${op.path} as ${role}${admitted ? ' (out of scope)' : ''}: ${res.status}`);
        else refusals++;
      }
    }
    console.log(`authorisation matrix: ${ops.length} operations, ${checks} refused combinations checked, ${refusals} refused as expected`);
    expect(breaches).toEqual([]);

    // Every refusal is in the audit trail, under the caller who was refused.
    const db = await openDb();
    try {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.refused' AND actor_user_id = ANY($1)`, [ROLES.map(subOf)]);
      console.log(`authorisation matrix: ${n} refusals audited`);
      expect(n).toBe(refusals);
    } finally {
      await db.destroy();
    }
  });

  it('refuses mass assignment on every write: status, amountFen, role, stage, __proto__ and constructor are 400 unless the body has such a field', async () => {
    type Schema = { properties?: Record<string, unknown>; $ref?: string };
    const doc = (await http.get('/docs-json')).body as {
      paths: Record<string, Record<string, { 'x-roles'?: Role[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const fieldsOf = (schema?: Schema) => Object.keys((schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema)?.properties ?? {});
    const { roundId } = await createRound(http);
    const breaches: string[] = [];
    let checks = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method) || !op['x-roles']?.length) continue;
        const json = op.requestBody?.content?.['application/json'];
        if (op.requestBody && !json) continue; // an upload: multipart, checked by its own tests
        const role = op['x-roles'][0];
        const as = role === 'street_union' ? streetUnion('louqiao') : token(role);
        const url = path
          .replace(/^\/(public\/)?rounds\/\{id\}/, (_m, pub: string | undefined) => `/${pub ?? ''}rounds/${roundId}`)
          .replace(/\{[^}]+\}/g, () => randomUUID())
          .replace('{month}', '2031-05');
        for (const field of ['status', 'amountFen', 'role', 'stage', '__proto__', 'constructor']) {
          if (fieldsOf(json?.schema).includes(field)) continue;
          checks++;
          const res = await fetch(api.url + url, {
            method: method.toUpperCase(),
            headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
            body: `{"${field}":"x"}`,
          });
          const body = (await res.json().catch(() => ({}))) as { fields?: Array<{ field: string }> };
          if (res.status !== 400 || !body.fields?.some((f) => f.field === field))
            breaches.push(`${method.toUpperCase()} ${path} as ${role} with ${field}: ${res.status}`);
        }
      }
    }
    console.log(`mass assignment: ${checks} writes with a field they do not take, each refused`);
    expect(breaches).toEqual([]);
  });
});
