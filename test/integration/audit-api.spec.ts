import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

interface Row {
  id: string;
  action: string;
  route: string | null;
  actor_issuer: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  candidate_id: string | null;
  round_id: string | null;
  status: number | null;
  detail: Record<string, any>;
}

/**
 * The audit trail through the API, on the shared database: other suites append at the same time, so
 * this one looks only at its own rows (by candidate, round and user) and, for the whole chain, at
 * `ok` and a count at least its own.
 */
describe('audit trail through the API (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-audit-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: Pool;
  let candidateId: string;
  let roundId: string;
  const person = { idNumber: idNumber(), mobile: mobileNumber(), name: '审计测试人', homeAddress: '浙江省温州市瓯海区审计街道99号' };
  const tag = randomUUID().slice(0, 8);
  const auditor = token('auditor', `auditor-${tag}`);
  const office = token('union_office', `office-${tag}`);
  const street = token('street_union', `street-${tag}`);

  const rowsOf = async (candidate: string) =>
    (
      await db.query<Row>(
        `SELECT id::text, action, route, actor_issuer, actor_user_id, actor_role, candidate_id, round_id, status, detail FROM audit_log WHERE candidate_id = $1 ORDER BY audit_log.id`,
        [candidate],
      )
    ).rows;

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    roundId = (await createRound(http, undefined, office)).roundId;
    const nominated = await http.post('/nominations', nomination({ roundId, ...person }), token('nominator', `nominator-${tag}`));
    expect(nominated.status).toBe(201);
    candidateId = nominated.body.candidateId;
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await worker?.close();
  });

  it('records a decision and each refused attempt, with who, the route, the status and the reason, and nothing personal', async () => {
    const body = { stage: 'endorsement', outcome: 'approve', reason: `街道推荐同意 ${tag}` };
    expect((await http.post(`/candidates/${candidateId}/decisions`, body, office)).status).toBe(403);
    expect((await http.post(`/candidates/${candidateId}/decisions`, { ...body, stage: 'qualification' }, office)).status).toBe(409);
    expect((await http.post(`/candidates/${candidateId}/decisions`, body)).status).toBe(401);
    expect((await http.post(`/candidates/${candidateId}/decisions`, body, street)).status).toBe(200);

    const rows = await rowsOf(candidateId);
    expect(rows.map((r) => [r.action, r.status, r.actor_role])).toEqual([
      ['POST /nominations', 201, 'nominator'],
      ['request.refused', 403, 'union_office'],
      ['request.refused', 409, 'union_office'],
      ['request.refused', 401, null],
      ['POST /candidates/:id/decisions', 200, 'street_union'],
    ]);
    const [nominated, forbidden, wrongStage, , decided] = rows;
    expect(nominated).toMatchObject({ round_id: roundId, actor_issuer: 'urn:ouhai-masters:local', actor_user_id: `nominator-${tag}` });
    expect(forbidden).toMatchObject({ route: 'POST /candidates/:id/decisions', actor_user_id: `office-${tag}`, detail: { body } });
    expect(forbidden.detail.message).toContain("belongs to 'street_union'");
    expect(wrongStage.detail.message).toContain("the candidate is at stage 'endorsement', not 'qualification'");
    expect(decided).toMatchObject({ actor_issuer: 'urn:ouhai-masters:local', actor_user_id: `street-${tag}`, detail: { body } });
    // The nomination's body is summarised without the person: no ID number, mobile, address or name.
    const text = JSON.stringify(rows);
    for (const value of Object.values(person)) expect(text).not.toContain(value);
    expect(nominated.detail.body).toMatchObject({ idNumber: '[redacted]', mobile: '[redacted]', name: '[redacted]', employer: expect.any(String) });
  });

  it('records every read of personal data in full, and none of a masked view', async () => {
    const before = (await rowsOf(candidateId)).filter((r) => r.action === 'pii.read').length;
    const seen = await http.get(`/candidates/${candidateId}`, office);
    expect(seen.body.idNumber).toBe(person.idNumber);
    expect((await http.get(`/candidates/${candidateId}`, auditor)).body.idNumber).not.toBe(person.idNumber);
    const reads = (await rowsOf(candidateId)).filter((r) => r.action === 'pii.read');
    expect(reads).toHaveLength(before + 1);
    expect(reads[reads.length - 1]).toMatchObject({
      actor_user_id: `office-${tag}`,
      actor_role: 'union_office',
      detail: { fields: ['idNumber', 'mobile', 'homeAddress'] },
    });
  });

  it('records each download of a document, and its upload', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const form = new FormData();
    form.append('kind', 'skill_certificate');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'certificate.pdf');
    const uploaded = await fetch(`${api.url}/candidates/${candidateId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${office}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    expect((await fetch(`${api.url}/candidates/${candidateId}/attachments/${id}`, { headers: { authorization: `Bearer ${auditor}` } })).status).toBe(200);
    const rows = await rowsOf(candidateId);
    expect(rows.find((r) => r.action === 'POST /candidates/:id/attachments')).toMatchObject({
      status: 201,
      detail: { body: { kind: 'skill_certificate' }, result: { id } },
    });
    expect(rows.filter((r) => r.action === 'pii.read' && r.actor_role === 'auditor')).toEqual([
      expect.objectContaining({ detail: { kind: 'skill_certificate', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } }),
    ]);
  });

  it("shows the audit rows in the auditor's history beside the workflow's own entries, in time order", async () => {
    const history = await http.get(`/candidates/${candidateId}/history`, auditor);
    expect(history.status).toBe(200);
    const entries = history.body as Array<{ type: string; at: string; action?: string; status?: number; role?: string; userId?: string; reason?: string }>;
    expect(entries.find((e) => e.type === 'decision')).toMatchObject({ stage: 'endorsement', role: 'street_union', reason: `街道推荐同意 ${tag}` });
    const audit = entries.filter((e) => e.type === 'audit');
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'request.refused',
          status: 403,
          role: 'union_office',
          userId: `office-${tag}`,
          reason: expect.stringContaining("belongs to 'street_union'"),
        }),
        expect.objectContaining({ action: 'POST /candidates/:id/decisions', status: 200, role: 'street_union', reason: `街道推荐同意 ${tag}` }),
      ]),
    );
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('records requests refused before any route matched — an unknown path with a token or without, a body over its limit — by their path alone', async () => {
    const probe = `probe-${tag}`;
    const big = `nominator-${tag}-big`;
    const { rows: before } = await db.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`);
    const send = (path: string, init: RequestInit = {}) => fetch(api.url + path, init).then((r) => r.status);
    const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    expect(await send(`/no-such-route/${probe}?mobile=${person.mobile}`)).toBe(404);
    expect(await send(`/candidates/${candidateId}/no-such/${probe}`, bearer(auditor))).toBe(404);
    expect(await send(`/no-such-route/${probe}/forged`, bearer(`${auditor.slice(0, -6)}AAAAAA`))).toBe(404);
    expect(await send(`/no-such-route/${probe}/${person.idNumber}/${encodeURIComponent(person.name)}`)).toBe(404);
    const body = JSON.stringify(nomination({ ...person, deeds: `${probe} `.repeat(20_000) }));
    expect(await send('/nominations', { method: 'POST', body, headers: { ...bearer(token('nominator', big)).headers, 'content-type': 'application/json' } })).toBe(413);

    const { rows } = await db.query<Row>(
      `SELECT id::text, action, route, actor_issuer, actor_user_id, actor_role, candidate_id, round_id, status, detail FROM audit_log
        WHERE id > $1 AND route IS NULL AND (detail->>'path' LIKE $2 OR actor_user_id = $3) ORDER BY id`,
      [before[0].id, `%${probe}%`, big],
    );
    const none = { actor_issuer: null, actor_user_id: null, actor_role: null };
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      {
        action: 'request.refused',
        route: null,
        ...none,
        candidate_id: null,
        round_id: null,
        status: 404,
        detail: { method: 'GET', path: `/no-such-route/${probe}`, reason: 'no route matches the path', bearer: 'none' },
      },
      {
        action: 'request.refused',
        route: null,
        actor_issuer: 'urn:ouhai-masters:local',
        actor_user_id: `auditor-${tag}`,
        actor_role: 'auditor',
        candidate_id: null,
        round_id: null,
        status: 404,
        detail: { method: 'GET', path: `/candidates/${candidateId}/no-such/${probe}`, reason: 'no route matches the path', bearer: 'verified' },
      },
      expect.objectContaining({ ...none, status: 404, detail: expect.objectContaining({ path: `/no-such-route/${probe}/forged`, bearer: 'unverified' }) }),
      expect.objectContaining({ ...none, status: 404, detail: expect.objectContaining({ path: `/no-such-route/${probe}/[redacted]/[redacted]`, bearer: 'none' }) }),
      expect.objectContaining({
        actor_user_id: big,
        actor_role: 'nominator',
        status: 413,
        detail: { method: 'POST', path: '/nominations', reason: 'the body is over its limit', bearer: 'verified' },
      }),
    ]);
    // No query string, no body, nothing of the person.
    const text = JSON.stringify(rows);
    for (const value of [...Object.values(person), encodeURIComponent(person.name), `${probe} ${probe}`, 'mobile=']) expect(text).not.toContain(value);
  });

  it('verifies the chain and gives its digest to auditors and admins only, and records the refusals', async () => {
    const verified = await http.get('/audit/verify', auditor);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenRow: null });
    expect(verified.body.rows).toBeGreaterThanOrEqual((await rowsOf(candidateId)).length);
    const digest = await http.get('/audit/digest', token('admin'));
    expect(digest.status).toBe(200);
    expect(digest.body).toMatchObject({ headHash: expect.stringMatching(/^[0-9a-f]{64}$/), rows: expect.any(Number), at: expect.any(String) });
    expect(digest.body.rows).toBeGreaterThanOrEqual(verified.body.rows);
    // Later, the digest handed out proves nothing up to it changed: its row still carries its hash.
    const { headId, headHash } = digest.body;
    expect((await http.get(`/audit/verify?headId=${headId}&headHash=${headHash}`, auditor)).body).toMatchObject({ ok: true, digestMatches: true });
    const forged = await http.get(`/audit/verify?headId=${headId}&headHash=${'0'.repeat(64)}`, auditor);
    expect(forged.body).toMatchObject({ ok: true, digestMatches: false });
    expect((await http.get(`/audit/verify?headId=${headId}`, auditor)).status).toBe(400);

    const others = ['union_office', 'finance', 'street_union', 'nominator', 'expert', 'leadership', 'government', 'inspector'] as const;
    for (const role of others) {
      const sub = `${role}-${tag}-probe`;
      for (const path of ['/audit/verify', '/audit/digest', `/audit/export?candidateId=${candidateId}`])
        expect((await http.get(path, token(role, sub))).status).toBe(403);
    }
    const refused = await db.query<Row>(`SELECT route, status FROM audit_log WHERE actor_user_id LIKE $1 AND action = 'request.refused'`, [`%-${tag}-probe`]);
    expect(refused.rows).toHaveLength(others.length * 3);
    expect(new Set(refused.rows.map((r) => `${r.route} ${r.status}`))).toEqual(new Set(['GET /audit/verify 403', 'GET /audit/digest 403', 'GET /audit/export 403']));
  });

  it("exports a candidate's rows as JSON or CSV, and a round's", async () => {
    const json = await http.get(`/audit/export?candidateId=${candidateId}`, auditor);
    expect(json.status).toBe(200);
    expect(json.body.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['POST /nominations', 'request.refused', 'pii.read']));
    expect(json.body[0]).toMatchObject({ candidateId, actor: { issuer: 'urn:ouhai-masters:local', role: 'nominator' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const res = await fetch(`${api.url}/audit/export?candidateId=${candidateId}&format=csv`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('哈希');
    expect(csv.trim().split('\r\n')).toHaveLength(json.body.length + 1);

    const round = await http.get(`/audit/export?roundId=${roundId}`, auditor);
    expect(round.body.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['POST /rounds', 'POST /nominations']));
    const neither = await http.get('/audit/export', auditor);
    expect(neither.status).toBe(400);
    expect(neither.body.message).toContain('candidateId');
  });

  it('recorded the configuration at boot, without a secret', async () => {
    const { rows } = await db.query<Row>(`SELECT detail FROM audit_log WHERE action = 'config.loaded' ORDER BY id DESC LIMIT 20`);
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    for (const secret of [(JSON.parse(process.env.AUTH_LOCAL_PRIVATE_KEY!) as { d: string }).d, process.env.PII_INDEX_KEY!, process.env.PII_KEYS!.split(':')[1]])
      expect(text).not.toContain(secret);
    expect(rows[0].detail).toMatchObject({ temporal: { taskQueue: expect.any(String) }, pii: { keyIds: expect.any(Array) }, audit: { hashAlgorithm: 'sha256' } });
  });
  it("records personal data a write's reply shows in full on that write's own row, not as a row of its own", async () => {
    const reads = async () => (await rowsOf(candidateId)).filter((r) => r.action === 'pii.read').length;
    const before = await reads();
    const body = { stage: 'qualification', outcome: 'return', reason: `材料不全 ${tag}` };
    const returned = await http.post(`/candidates/${candidateId}/decisions`, body, office);
    expect(returned.status).toBe(200);
    expect(returned.body.idNumber).toBe(person.idNumber);
    expect(await reads()).toBe(before);
    const rows = await rowsOf(candidateId);
    expect(rows[rows.length - 1]).toMatchObject({
      action: 'POST /candidates/:id/decisions',
      actor_role: 'union_office',
      detail: { body, piiShown: [{ objectType: 'candidate', objectId: candidateId, detail: { fields: ['idNumber', 'mobile', 'homeAddress'] } }] },
    });
    // The chain still verifies.
    expect((await http.get('/audit/verify', auditor)).body).toMatchObject({ ok: true });
  });
});
