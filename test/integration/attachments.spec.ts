import { createRound } from '../support/review-helpers';
import type { INestApplicationContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sealClearAttachments } from '../../libs/db/attachment-sealing';
import { PiiCipher } from '../../libs/security/pii';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

/** Tiny files with the right magic bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c4890000000049454e44ae426082', 'hex'),
]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A GB 11643 ID number with the right check digit, from 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface Part {
  content: Buffer;
  filename: string;
  type?: string;
}

describe('attachments (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-attachments-${randomUUID()}` };
  const nominatorId = `nominator-${randomUUID().slice(0, 8)}`;
  const nominator = token('nominator', nominatorId);
  const office = token('union_office');
  const savedLimit = process.env.ATTACHMENT_MAX_BYTES;
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let candidateId: string;
  let otherCandidateId: string;

  const base = () => `${api.url}/candidates/${candidateId}/attachments`;

  async function upload(fields: { kind?: string; file?: Part; extra?: Record<string, string> }, as: string | null = nominator, id = candidateId) {
    const form = new FormData();
    if (fields.kind !== undefined) form.append('kind', fields.kind);
    for (const [k, v] of Object.entries(fields.extra ?? {})) form.append(k, v);
    if (fields.file) form.append('file', new Blob([fields.file.content], { type: fields.file.type ?? '' }), fields.file.filename);
    const res = await fetch(`${api.url}/candidates/${id}/attachments`, {
      method: 'POST',
      headers: as ? { authorization: `Bearer ${as}` } : {},
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function download(attachmentId: string, as: string = nominator, id = candidateId) {
    const res = await fetch(`${api.url}/candidates/${id}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${as}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const list = (as: string = nominator, id = candidateId) => client(api.url).get(`/candidates/${id}/attachments`, as);

  const fieldsOf = (body: { fields?: Array<{ field: string; reason: string }> }) => Object.fromEntries((body.fields ?? []).map((f) => [f.field, f.reason]));

  function expectBadRequest(res: { status: number; body: Record<string, unknown> }, field: string, reason: RegExp) {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof res.body.message).toBe('string');
    expect(fieldsOf(res.body)[field]).toMatch(reason);
  }

  beforeAll(async () => {
    delete process.env.ATTACHMENT_MAX_BYTES;
    worker = await startWorker(env);
    api = await startApi(env);
    const http = client(api.url);
    const { roundId } = await createRound(http);
    const first = await http.post('/nominations', nomination({ roundId }), nominator);
    expect(first.status).toBe(201);
    candidateId = first.body.candidateId;
    const second = await http.post('/nominations', nomination({ roundId, name: '李明', idNumber: idNumber('33030419850317123') }), office);
    expect(second.status).toBe(201);
    otherCandidateId = second.body.candidateId;
  });
  afterAll(async () => {
    if (savedLimit === undefined) delete process.env.ATTACHMENT_MAX_BYTES;
    else process.env.ATTACHMENT_MAX_BYTES = savedLimit;
    await api?.close();
    await worker?.close();
  });

  const uploaded: Record<string, { id: string; content: Buffer; filename: string; contentType: string }> = {};

  it('takes a PDF, a JPEG and a PNG from the nominator who filed the candidate', async () => {
    const cases: Array<{ key: string; kind: string; file: { content: Buffer; filename: string; type: string }; contentType: string; kept?: string }> = [
      { key: 'pdf', kind: 'skill_certificate', file: { content: PDF, filename: 'certificate.pdf', type: 'application/pdf' }, contentType: 'application/pdf' },
      { key: 'jpeg', kind: 'id_proof', file: { content: JPEG, filename: 'id-front.jpg', type: 'image/jpeg' }, contentType: 'image/jpeg' },
      // No declared type, no extension: the content decides, and names the extension.
      { key: 'png', kind: 'honour', file: { content: PNG, filename: 'scan', type: 'application/octet-stream' }, contentType: 'image/png', kept: 'scan.png' },
    ];
    for (const c of cases) {
      const before = Date.now();
      const res = await upload({ kind: c.kind, file: c.file });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: c.kind,
        filename: c.kept ?? c.file.filename,
        contentType: c.contentType,
        sizeBytes: c.file.content.length,
        sha256: sha256(c.file.content),
        uploadedAt: expect.any(String),
        erased: false,
      });
      expect(Math.abs(Date.parse(res.body.uploadedAt) - before)).toBeLessThan(60_000);
      uploaded[c.key] = { id: res.body.id, content: c.file.content, filename: c.kept ?? c.file.filename, contentType: c.contentType };
    }
  });

  it('lists the documents newest first, without their content', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id)).toEqual([uploaded.png.id, uploaded.jpeg.id, uploaded.pdf.id]);
    for (const a of res.body) {
      expect(Object.keys(a).sort()).toEqual(['contentType', 'erased', 'filename', 'id', 'kind', 'sha256', 'sizeBytes', 'uploadedAt']);
    }
  });

  it('hands each document back byte for byte, with its type, name, SHA-256 ETag and nosniff', async () => {
    for (const doc of Object.values(uploaded)) {
      const res = await download(doc.id);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(doc.content)).toBe(true);
      expect(res.headers.get('content-type')).toBe(doc.contentType);
      expect(res.headers.get('content-length')).toBe(String(doc.content.length));
      expect(res.headers.get('etag')).toBe(`"${sha256(doc.content)}"`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    }
  });

  it('keeps a Chinese file name intact, and strips path components from a name', async () => {
    const name = '王建国 技能等级证书（高级技师）.pdf';
    const res = await upload({ kind: 'skill_certificate', file: { content: PDF, filename: name, type: 'application/pdf' } });
    expect(res.status).toBe(201);
    expect(res.body.filename).toBe(name);
    const listed = (await list()).body.find((a: { id: string }) => a.id === res.body.id);
    expect(listed.filename).toBe(name);
    const got = await download(res.body.id);
    const disposition = got.headers.get('content-disposition')!;
    expect(disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
    expect(decodeURIComponent(disposition.split("''")[1])).toBe(name);

    const pathy = await upload({ kind: 'honour', file: { content: PNG, filename: '..\\..\\证书/荣誉.png', type: 'image/png' } });
    expect(pathy.status).toBe(201);
    expect(pathy.body.filename).toBe('荣誉.png');
  });

  it('answers 400 naming the field for a missing file, an empty file, and a missing or unknown kind', async () => {
    expectBadRequest(await upload({ kind: 'honour' }), 'file', /is required/);
    expectBadRequest(await upload({ kind: 'honour', file: { content: Buffer.alloc(0), filename: 'empty.pdf', type: 'application/pdf' } }), 'file', /is empty/);
    expectBadRequest(await upload({ file: { content: PDF, filename: 'a.pdf' } }), 'kind', /is required; one of: id_proof, years_proof/);
    expectBadRequest(await upload({ kind: 'selfie', file: { content: PDF, filename: 'a.pdf' } }), 'kind', /must be one of/);
    expectBadRequest(await upload({ kind: 'honour', file: { content: PDF, filename: 'a.pdf' }, extra: { note: 'x' } }), 'note', /should not exist/);
    // Both problems at once.
    const both = await upload({});
    expect(Object.keys(fieldsOf(both.body)).sort()).toEqual(['file', 'kind']);
    // A file under another name, or two files.
    const post = (form: FormData) =>
      fetch(base(), { method: 'POST', headers: { authorization: `Bearer ${nominator}` }, body: form }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, unknown>,
      }));
    const misnamed = new FormData();
    misnamed.append('kind', 'honour');
    misnamed.append('document', new Blob([PDF]), 'a.pdf');
    expectBadRequest(await post(misnamed), 'document', /not expected.*"file"/);
    const two = new FormData();
    two.append('kind', 'honour');
    two.append('file', new Blob([PDF]), 'a.pdf');
    two.append('file', new Blob([PNG]), 'b.png');
    expectBadRequest(await post(two), 'file', /only one file/);
    // A JSON body is not an upload.
    const json = await client(api.url).post(`/candidates/${candidateId}/attachments`, { kind: 'honour' }, nominator);
    expectBadRequest(json, 'file', /is required/);
  });

  it('answers 400 for a file over ATTACHMENT_MAX_BYTES (default 10 MiB), naming the file and the limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload({ kind: 'other', file: { content: big, filename: 'big.pdf', type: 'application/pdf' } });
    expectBadRequest(res, 'file', /larger than the limit of 10485760 bytes \(10 MiB\)/);
    // Exactly at the limit is taken.
    const atLimit = await upload({ kind: 'other', file: { content: big.subarray(0, 10 * 1024 * 1024), filename: 'at-limit.pdf', type: 'application/pdf' } });
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('decides the type by content: a text file renamed .pdf, or a declared type that lies, is refused', async () => {
    const count = (await list()).body.length;
    const text = Buffer.from('This is plain text, not a PDF at all.\n');
    expectBadRequest(await upload({ kind: 'other', file: { content: text, filename: 'report.pdf', type: 'application/pdf' } }), 'file', /must be a PDF, JPEG or PNG/);
    expectBadRequest(
      await upload({ kind: 'other', file: { content: PDF, filename: 'photo', type: 'image/png' } }),
      'file',
      /declared as image\/png but its content is PDF/,
    );
    expectBadRequest(
      await upload({ kind: 'other', file: { content: JPEG, filename: 'scan.png', type: 'application/octet-stream' } }),
      'file',
      /named as PNG.*content is JPEG/,
    );
    expect((await list()).body).toHaveLength(count);
  });

  it('hides the file from another nominator (404), and refuses roles that may not upload (403)', async () => {
    const stranger = token('nominator', `nominator-${randomUUID().slice(0, 8)}`);
    expect((await upload({ kind: 'honour', file: { content: PDF, filename: 'a.pdf' } }, stranger)).status).toBe(404);
    expect((await list(stranger)).status).toBe(404);
    expect((await download(uploaded.pdf.id, stranger)).status).toBe(404);
    for (const role of ['inspector', 'auditor', 'finance'] as const) {
      expect((await upload({ kind: 'honour', file: { content: PDF, filename: 'a.pdf' } }, token(role))).status).toBe(403);
    }
    expect((await list(token('finance'))).status).toBe(403);
  });

  it('lets staff read: an inspector lists and downloads; union_office uploads', async () => {
    const inspector = token('inspector');
    const res = await list(inspector);
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([uploaded.pdf.id, uploaded.jpeg.id, uploaded.png.id]));
    const got = await download(uploaded.jpeg.id, inspector);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(JPEG)).toBe(true);
    expect((await list(token('auditor'))).status).toBe(200);
    // Deciding on lists, paying or running the system needs no ID-card scan.
    for (const role of ['leadership', 'government', 'finance', 'admin'] as const) expect([role, (await list(token(role))).status]).toEqual([role, 403]);
    const byOffice = await upload({ kind: 'years_proof', file: { content: PNG, filename: 'contract.png', type: 'image/png' } }, office);
    expect(byOffice.status).toBe(201);
  });

  it('answers 404 for an attachment of another candidate, an unknown one, or an unknown candidate; 400 for a malformed id', async () => {
    expect((await download(uploaded.pdf.id, office, otherCandidateId)).status).toBe(404);
    expect((await list(office, otherCandidateId)).body).toEqual([]);
    expect((await download(randomUUID(), office)).status).toBe(404);
    expect((await list(office, randomUUID())).status).toBe(404);
    expect((await upload({ kind: 'honour', file: { content: PDF, filename: 'a.pdf' } }, office, randomUUID())).status).toBe(404);
    expect((await download('not-a-uuid', office)).status).toBe(400);
  });

  it('answers 401 without a token', async () => {
    expect((await upload({ kind: 'honour', file: { content: PDF, filename: 'a.pdf' } }, null)).status).toBe(401);
    expect((await fetch(base())).status).toBe(401);
    expect((await fetch(`${base()}/${uploaded.pdf.id}`)).status).toBe(401);
  });

  /** What the database holds for a document: the bytes at rest and whether they are sealed. */
  async function stored(id: string): Promise<{ content: Buffer; sealed: boolean }> {
    const [row] = await api.app.get(DataSource).query(`SELECT content, sealed FROM attachments WHERE id = $1`, [id]);
    return row;
  }

  it('keeps every document sealed at rest (AES-256-GCM by default), the SHA-256 still of the plain bytes', async () => {
    for (const doc of Object.values(uploaded)) {
      const row = await stored(doc.id);
      expect(row.sealed).toBe(true);
      expect(row.content.subarray(0, 3).toString()).toBe('v1.');
      expect(row.content.equals(doc.content)).toBe(false);
      expect(row.content.includes(doc.content.subarray(0, 8))).toBe(false);
      expect(row.content.includes(Buffer.from('%PDF-'))).toBe(false);
      expect(sha256(row.content)).not.toBe(sha256(doc.content));
    }
  });

  it('seals under SM4/HMAC-SM3 once that suite is active, and still reads what AES sealed, byte for byte', async () => {
    await api.close();
    api = await startApi({ ...env, PII_CIPHER_SUITE: 'sm4' });
    try {
      const pdf = Buffer.concat([PDF, Buffer.from('% sm4 scan\n')]);
      const res = await upload({ kind: 'id_proof', file: { content: pdf, filename: 'id-card.pdf' } });
      expect(res.status).toBe(201);
      expect(res.body.sha256).toBe(sha256(pdf));
      const row = await stored(res.body.id);
      expect(row.sealed).toBe(true);
      expect(row.content.subarray(0, 3).toString()).toBe('s1.');
      expect(row.content.includes(Buffer.from('%PDF-'))).toBe(false);
      const back = await download(res.body.id);
      expect(back.status).toBe(200);
      expect(back.bytes.equals(pdf)).toBe(true);
      expect(back.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
      for (const doc of Object.values(uploaded)) expect((await download(doc.id)).bytes.equals(doc.content)).toBe(true);
    } finally {
      await api.close();
      api = await startApi(env);
    }
    // And back on AES-256-GCM, what SM4 sealed still reads.
    const [latest] = (await list()).body;
    expect((await download(latest.id)).status).toBe(200);
  });

  it('serves a document stored in clear before sealing began, and `attachments:seal` seals it once', async () => {
    const ds = api.app.get(DataSource);
    const id = randomUUID();
    await ds.query(
      `INSERT INTO attachments (id, candidate_id, kind, filename, content_type, size_bytes, sha256, content, uploaded_by, sealed)
       VALUES ($1, $2, 'other', 'old.pdf', 'application/pdf', $3, $4, $5, 'legacy', false)`,
      [id, candidateId, PDF.length, sha256(PDF), PDF],
    );
    expect((await download(id)).bytes.equals(PDF)).toBe(true);
    const pii = new PiiCipher(api.config.pii);
    expect(await sealClearAttachments(ds, pii)).toBeGreaterThanOrEqual(1);
    expect(await sealClearAttachments(ds, pii)).toBe(0);
    const row = await stored(id);
    expect(row.sealed).toBe(true);
    expect(row.content.includes(Buffer.from('%PDF-'))).toBe(false);
    const back = await download(id);
    expect(back.bytes.equals(PDF)).toBe(true);
    expect(back.headers.get('etag')).toBe(`"${sha256(PDF)}"`);
    await ds.query(`DELETE FROM attachments WHERE id = $1`, [id]);
  });

  it('keeps every document across a restart of the API (the database is the store), with a new limit read at boot', async () => {
    const before = (await list()).body;
    await api.close();
    process.env.ATTACHMENT_MAX_BYTES = '2048';
    api = await startApi(env);
    expect((await list()).body).toEqual(before);
    for (const doc of Object.values(uploaded)) {
      const got = await download(doc.id);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(doc.content)).toBe(true);
      expect(got.headers.get('etag')).toBe(`"${sha256(doc.content)}"`);
    }
    const over = Buffer.concat([PDF, Buffer.alloc(2049 - PDF.length, 0x20)]);
    expectBadRequest(await upload({ kind: 'other', file: { content: over, filename: 'over.pdf' } }), 'file', /larger than the limit of 2048 bytes/);
    expect((await upload({ kind: 'other', file: { content: over.subarray(0, 2048), filename: 'fits.pdf' } })).status).toBe(201);
  });
});
