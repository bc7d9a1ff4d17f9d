import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CipherSuite } from '../../libs/security/cipher-suites';
import { approve, closeRounds, createRound, idNumber, mobileNumber, openDb } from '../support/review-helpers';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

const UI = 'http://temporal-ui.example.test:8233';

/**
 * Nothing personal in Temporal: a nomination made through the API leaves only ciphertext in the
 * workflow's history (read raw, without the codec), the API's own timeline still reads it, and the
 * Temporal UI's codec endpoint decodes it for an auditor and nobody else. Under both cipher suites.
 */
describe.each(['aes-256-gcm', 'sm4'] as CipherSuite[])('Temporal payloads under %s (real Temporal dev server and PostgreSQL)', (suite) => {
  const env = { TEMPORAL_TASK_QUEUE: `it-codec-${randomUUID()}`, PII_CIPHER_SUITE: suite, TEMPORAL_UI_URL: UI };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let connection: Connection;
  let raw: Client;
  const rounds: string[] = [];
  const person = {
    name: `欧阳${suite === 'sm4' ? '明华' : '建业'}`,
    idNumber: idNumber(),
    mobile: mobileNumber(),
    homeAddress: `浙江省温州市瓯海区娄桥街道${randomUUID().slice(0, 6)}号`,
  };
  let candidateId: string;
  let workflowId: string;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    // What the Temporal database and UI hold: a client without the codec.
    raw = new Client({ connection, namespace: api.config.temporal.namespace });
    const round = await createRound(http);
    rounds.push(round.roundId);
    const created = await http.post('/nominations', nomination({ ...person, roundId: round.roundId }), token('nominator'));
    expect(created.status).toBe(201);
    ({ candidateId, workflowId } = created.body);
    await approve(http, candidateId, 'endorsement', { opinion: { text: '同意推荐', sealed: true, date: '2017-04-14' } });
  });
  afterAll(async () => {
    await closeRounds(db, rounds);
    await db?.destroy();
    await connection?.close();
    await api?.close();
    await worker?.close();
  });

  const rawHistory = () => raw.workflow.getHandle(workflowId).fetchHistory();
  const startInput = async () => (await rawHistory()).events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0] as Payload;

  it("keeps the candidate's name, ID number, mobile and address out of the raw history: every payload is encrypted", async () => {
    const history = await rawHistory();
    const everything = JSON.stringify(history, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
    for (const clear of Object.values(person)) expect(everything).not.toContain(clear);

    // Not merely absent from what the workflow was given: no payload is readable at all (the ids are
    // in the workflow id and the search attributes, outside the payloads).
    const payloads = history.events!.flatMap((e) => collectPayloads(e));
    expect(payloads.length).toBeGreaterThan(3);
    const payloadBytes = payloads.map((p) => Buffer.from(p.data ?? []).toString('utf8')).join('\n');
    for (const readable of [candidateId, '"actor"', 'endorsement', 'nominator']) expect(payloadBytes).not.toContain(readable);
    for (const p of payloads) {
      expect(meta(p, 'encoding')).toBe('binary/encrypted');
      expect(meta(p, 'encryption-cipher')).toBe(suite);
      expect(meta(p, 'encryption-key-id')).toBe(api.config.pii.activeKeyId);
    }
  });

  it('still reads the history through the API: the timeline shows the nomination and the decision', async () => {
    const timeline = await http.get(`/candidates/${candidateId}/history`, token('auditor'));
    expect(timeline.status).toBe(200);
    expect(timeline.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'nominated', role: 'nominator', note: 'channel: organisational' }),
        expect.objectContaining({ type: 'stage_entered', stage: 'endorsement' }),
        expect.objectContaining({ type: 'decision', stage: 'endorsement', outcome: 'approve', reason: 'endorsement: approved', role: 'street_union' }),
        expect.objectContaining({ type: 'stage_entered', stage: 'qualification' }),
      ]),
    );
  });

  it("decodes a payload from the workflow's history for an auditor through the codec endpoint", async () => {
    const res = await http.post('/codec/decode', { payloads: [toJson(await startInput())] }, token('auditor'));
    expect(res.status).toBe(200);
    const [decoded] = (res.body as { payloads: Array<{ metadata: Record<string, string>; data: string }> }).payloads;
    expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
    const input = JSON.parse(Buffer.from(decoded.data, 'base64').toString());
    expect(input).toMatchObject({ candidateId, roundId: rounds[0], channel: 'organisational', submittedBy: { role: 'nominator' } });
  });

  it('refuses decoding to every other role (403) and to a caller without a token (401)', async () => {
    const body = { payloads: [toJson(await startInput())] };
    for (const role of ['admin', 'union_office', 'street_union', 'finance', 'nominator', 'expert', 'leadership', 'government'] as const)
      expect((await http.post('/codec/decode', body, token(role))).status).toBe(403);
    expect((await http.post('/codec/decode', body)).status).toBe(401);
  });

  it("encodes for an admin only, in the service's own format, and refuses what is not base64 naming the field", async () => {
    const plain = toJson(defaultPayloadConverter.toPayload({ note: '人工信号' }));
    expect((await http.post('/codec/encode', { payloads: [plain] }, token('auditor'))).status).toBe(403);
    const encoded = await http.post('/codec/encode', { payloads: [plain] }, token('admin'));
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].metadata['encryption-cipher'], 'base64').toString()).toBe(suite);
    const back = await http.post('/codec/decode', encoded.body, token('auditor'));
    expect(back.body.payloads).toEqual([plain]);

    const bad = await http.post('/codec/decode', { payloads: [{ metadata: { encoding: 'not base64!' } }] }, token('auditor'));
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ field: 'payloads.0.metadata.encoding', reason: 'must be base64' }]);
  });

  it('admits the Temporal UI origin alone to call it from a browser (CORS)', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' },
      });
    const ui = await preflight(UI);
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe(UI);
    expect(ui.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const other = await preflight('https://evil.example.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

const meta = (p: Payload, key: string) => Buffer.from(p.metadata?.[key] ?? []).toString();

/** Every payload in an event: each entry of any `payloads` list (search attributes are not payload lists). */
function collectPayloads(node: unknown): Payload[] {
  if (!node || typeof node !== 'object' || node instanceof Uint8Array) return [];
  const own = Array.isArray((node as { payloads?: unknown }).payloads) ? ((node as { payloads: Payload[] }).payloads ?? []) : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => (k === 'payloads' ? [] : collectPayloads(v)))];
}

/** A payload as the Temporal UI sends it to a remote codec: bytes in base64. */
function toJson(p: Payload) {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  };
}
