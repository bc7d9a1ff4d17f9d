import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

/**
 * Inputs an attacker (or a careless client) sends: each gets a 4xx that names the problem, never a
 * 500, and nothing malformed is stored. Found when the service was probed (issue 8 §6).
 */
describe('hostile and malformed input (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-hostile-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let roundId: string;
  const office = token('union_office');
  const nominator = token('nominator');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    roundId = (await createRound(http)).roundId;
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  const raw = async (path: string, body: string, as = office, method = 'POST') => {
    const res = await fetch(api.url + path, { method, headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const fieldsOf = (body: { fields?: Array<{ field: string }> }) => (body.fields ?? []).map((f) => f.field);

  it.each([
    // The formal list and the import take up to 8 MB; every other JSON route 100 kB.
    ['1 MB', 1024 * 1024, ['/nominations', `/candidates/${randomUUID()}/decisions`, '/rounds']],
    ['20 MB', 20 * 1024 * 1024, ['/nominations', '/rounds/x/formal-list', '/masters/import', `/candidates/${randomUUID()}/decisions`]],
  ])('answers 413 to a %s JSON body', async (_label, size, paths) => {
    const big = JSON.stringify({ reason: 'x'.repeat(size) });
    for (const path of paths) {
      const res = await raw(path, big);
      expect([path, res.status]).toEqual([path, 413]);
    }
  });

  it('answers 400 to deeply nested JSON', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await raw('/nominations', deep, nominator);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nest/);
  });

  it('refuses a NUL, a lone surrogate or another control character in text, naming the field', async () => {
    for (const name of ['王\u0000建国', '王\ud800建国', '王\u0007建国']) {
      const res = await http.post('/nominations', nomination({ roundId, name, idNumber: idNumber(), mobile: mobileNumber() }), nominator);
      expect([res.status, fieldsOf(res.body)]).toEqual([400, ['name']]);
    }
  });

  it('refuses names and reasons made only of invisible or space characters, and strips bidi overrides', async () => {
    for (const name of ['\u200b\u200b', '   ', '\u3000', '\u202e\u2066']) {
      const res = await http.post('/nominations', nomination({ roundId, name, idNumber: idNumber(), mobile: mobileNumber() }), nominator);
      expect([JSON.stringify(name), res.status, fieldsOf(res.body)]).toEqual([JSON.stringify(name), 400, ['name']]);
    }
    const created = await http.post('/nominations', nomination({ roundId, name: '王\u202e建国\u200b', idNumber: idNumber(), mobile: mobileNumber() }), nominator);
    expect(created.status).toBe(201);
    const file = await http.get(`/candidates/${created.body.candidateId}`, office);
    expect(file.body.name).toBe('王建国');
    const reason = await http.post(`/candidates/${created.body.candidateId}/decisions`, { stage: 'qualification', outcome: 'approve', reason: '\u200b \u00a0' }, office);
    expect([reason.status, fieldsOf(reason.body)]).toEqual([400, ['reason']]);
  });

  it('refuses __proto__, constructor and prototype keys instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = JSON.stringify(nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber() })).replace(/^\{/, `{"${key}":{"role":"admin"},`);
      const res = await raw('/nominations', body, nominator);
      expect([key, res.status, fieldsOf(res.body)]).toEqual([key, 400, [key]]);
    }
  });

  it('refuses a quota of 1e12, windows outside the programme’s years and an offset that does not exist', async () => {
    const at = (iso: string) => ({ nominationOpensAt: iso, nominationClosesAt: '2031-02-01T00:00:00+08:00', reviewClosesAt: '2031-03-01T00:00:00+08:00' });
    const quota = await http.post('/rounds', { year: 2031, quota: 1e12, ...at('2031-01-01T00:00:00+08:00') }, office);
    expect([quota.status, fieldsOf(quota.body)]).toEqual([400, ['quota']]);
    for (const opens of ['0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '2031-01-01T00:00:00+14:59']) {
      const res = await http.post('/rounds', { year: 2031, quota: 10, ...at(opens) }, office);
      expect([opens, res.status, fieldsOf(res.body)]).toEqual([opens, 400, ['nominationOpensAt']]);
    }
  });

  it('refuses a departure dated before the programme, and an inspection batch naming an unknown round', async () => {
    const dep = await http.post(`/candidates/${randomUUID()}/departure`, { leftOn: '1900-01-01', reason: 'moved' }, office);
    expect([dep.status, fieldsOf(dep.body)]).toEqual([400, ['leftOn']]);
    const batch = await http.post(
      '/inspection-batches',
      { name: '第一批', plannedOn: '2031-04-01', members: ['李'], candidateIds: [randomUUID()], roundId: randomUUID() },
      office,
    );
    expect(batch.status).toBe(400);
    expect(batch.body.fields).toContainEqual({ field: 'roundId', reason: expect.stringMatching(/no such round/) });
  });

  it('answers with security headers, no X-Powered-By, no-store on personal data, and no CORS by default', async () => {
    const created = await http.post('/nominations', nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber() }), nominator);
    const res = await fetch(`${api.url}/candidates/${created.body.candidateId}`, { headers: { authorization: `Bearer ${office}`, origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const err = await raw('/nominations', '{"name":', nominator);
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('limits nominations per account, and attachments per file; takes a document only under a name its content agrees with', async () => {
    const limited = await startApi({ ...env, NOMINATIONS_PER_MINUTE: '3', ATTACHMENTS_PER_CANDIDATE: '2' });
    try {
      const lhttp = client(limited.url);
      const unit = token('nominator');
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) answers.push((await lhttp.post('/nominations', nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber() }), unit)).status);
      expect(answers).toEqual([201, 201, 201, 429, 429]);
      // Another account is not held back by the first one's flood.
      const other = await lhttp.post('/nominations', nomination({ roundId, idNumber: idNumber(), mobile: mobileNumber() }), token('nominator'));
      expect(other.status).toBe(201);

      const upload = async (filename: string, content = Buffer.from('%PDF-1.4 test')) => {
        const form = new FormData();
        form.append('kind', 'id_proof');
        form.append('file', new Blob([content], { type: 'application/pdf' }), filename);
        const res = await fetch(`${limited.url}/candidates/${other.body.candidateId}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${office}` },
          body: form,
        });
        return { status: res.status, body: (await res.json()) as { filename?: string; fields?: Array<{ field: string; reason: string }>; message?: string } };
      };
      for (const name of ['evil.html', 'setup.exe', 'report\u202efdp.exe']) {
        const res = await upload(name);
        expect([name, res.status, res.body.fields?.[0]?.field]).toEqual([name, 400, 'file']);
      }
      const bell = await upload('身份证\u200b扫描');
      expect([bell.status, bell.body]).toEqual([201, expect.objectContaining({ filename: '身份证扫描.pdf' })]);
      expect((await upload('scan.PDF')).status).toBe(201);
      const third = await upload('third.pdf');
      expect(third.status).toBe(409);
      expect(third.body.message).toMatch(/2 attachments/);
    } finally {
      await limited.close();
    }
  });
});
