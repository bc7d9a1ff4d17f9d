import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { paperMaster } from '../support/masters';
import { createLegacyRound, createRound, decide, idNumber, mobileNumber, openDb, streetUnion, type TestRound } from '../support/review-helpers';
import { client, eventually, nomination, startApi, startWorker, token } from '../support/service';
import type { DataSource } from 'typeorm';

jest.setTimeout(120_000);

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** POST /persons/export: an access request (PIPL art. 45) answered from every file the person has. */
describe('the access-request export, POST /persons/export (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-person-export-${randomUUID()}` };
  const tag = randomUUID().slice(0, 6);
  const office = token('union_office', `office-export-${tag}`);
  const nominator = token('nominator', `nom-export-${tag}`);
  const person = { idNumber: idNumber(), mobile: mobileNumber(), homeAddress: `浙江省温州市瓯海区娄桥街道${tag}号` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let live: TestRound;
  let legacy: TestRound;
  let first: string;
  let second: string;

  const exportFor = (idNumberAsked: unknown, as = office, extra: Record<string, unknown> = {}) => http.post('/persons/export', { idNumber: idNumberAsked, ...extra }, as);

  async function nominate(round: TestRound, name: string): Promise<string> {
    const res = await http.post('/nominations', nomination({ ...person, roundId: round.roundId, channel: 'organisational', area: 'xinqiao', name }), nominator);
    if (res.status !== 201) throw new Error(`nomination: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.candidateId;
  }

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    legacy = await createLegacyRound(db);
    live = await createRound(http);
    first = await nominate(legacy, `申请人${tag}`);
    const form = new FormData();
    form.append('kind', 'id_proof');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'id-card.pdf');
    expect((await fetch(`${api.url}/candidates/${first}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${nominator}` }, body: form })).status).toBe(
      201,
    );
    expect((await decide(http, first, 'endorsement', { outcome: 'reject', reason: `材料不全${tag}` }, streetUnion('xinqiao'))).status).toBe(200);
    await eventually(
      () => db.query('SELECT status FROM candidate_status WHERE candidate_id = $1', [first]),
      (rows: Array<{ status: string }>) => rows[0]?.status === 'rejected',
    );
    second = await nominate(live, `申请人${tag}`);
  });
  afterAll(async () => {
    await db?.query(`UPDATE rounds SET nomination_closes_at = now() WHERE id = ANY($1) AND nomination_closes_at > now()`, [[legacy?.roundId, live?.roundId]]);
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  it('gives the office every file of the person, in clear: the form and its versions, decisions, attachments, no-store', async () => {
    const res = await exportFor(person.idNumber);
    expect(res.status).toBe(200);
    expect(await cacheControl()).toContain('no-store');
    expect(res.body.legalBasis).toBe('PIPL art. 45');
    expect(res.body.files.map((f: { candidateId: string }) => f.candidateId)).toEqual([first, second]);
    const [rejected, open] = res.body.files;
    for (const f of res.body.files) {
      expect(f.personalData).toEqual({ name: `申请人${tag}`, ...person });
      expect(f.erased).toBe(false);
      expect(f.versions[0].form).toMatchObject({ idNumber: person.idNumber, mobile: person.mobile, homeAddress: person.homeAddress, name: `申请人${tag}` });
      expect(f.timeline[0].type).toBe('nominated');
    }
    expect(rejected).toMatchObject({ roundId: legacy.roundId, roundYear: legacy.year, status: { status: 'rejected' } });
    expect(rejected.decisions).toEqual([expect.objectContaining({ stage: 'endorsement', outcome: 'reject', reason: `材料不全${tag}` })]);
    expect(rejected.attachments).toEqual([expect.objectContaining({ kind: 'id_proof', filename: 'id-card.pdf', sizeBytes: PDF.length, erased: false })]);
    expect(rejected.attachments[0]).not.toHaveProperty('content');
    // What the person was told, and by whom: the nominator heard of the rejection in the console, the name put in.
    const told = rejected.notifications.find((n: { kind: string }) => n.kind === 'outcome');
    expect(told).toMatchObject({ channel: 'console', recipient: { role: 'nominator', userId: `nom-export-${tag}` }, contact: null });
    expect(told.text).toBe(`您推荐的候选人“申请人${tag}”的申报在“镇街总工会审核推荐”阶段未获通过，原因请登录系统查看。`);
    expect(open).toMatchObject({ roundId: live.roundId, decisions: [], paymentInstructions: [], bankAccount: null });
    // The open file's nominator has been told nothing yet (its stage owner's reminder may be on its way).
    expect(open.notifications.filter((n: { recipient: { role: string } }) => n.recipient.role === 'nominator')).toEqual([]);
  });

  async function cacheControl(): Promise<string> {
    const res = await fetch(`${api.url}/persons/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: person.idNumber }),
    });
    return res.headers.get('cache-control') ?? '';
  }

  it('includes a named master’s payment instructions', async () => {
    const master = paperMaster({ name: `大师${tag}` });
    const imported = await http.post('/masters/import', { masters: [master] }, office);
    expect(imported.status).toBe(201);
    const res = await eventually(
      () => exportFor(master.idNumber),
      (r) => r.body?.files?.[0]?.paymentInstructions?.length > 0,
    );
    expect(res.body.files).toHaveLength(1);
    expect(res.body.files[0].personalData.idNumber).toBe(master.idNumber);
    expect(res.body.files[0].paymentInstructions[0]).toMatchObject({ candidateId: imported.body.imported[0].candidateId, kind: 'bonus', status: 'paid' });
    expect(res.body.files[0]).toMatchObject({ registerEntry: null, studios: [] });

    // What the programme holds on the master besides the file: the benefits offered, the register's entry.
    const candidateId = imported.body.imported[0].candidateId as string;
    expect((await http.get(`/candidates/${candidateId}/benefits`, office)).status).toBe(200);
    expect((await http.patch(`/masters/${candidateId}/register`, { limited: true }, office)).status).toBe(200);
    const again = (await exportFor(master.idNumber)).body.files[0];
    expect(again.benefits).toHaveLength(5);
    expect(again.benefits).toContainEqual(expect.objectContaining({ kind: 'recuperation_trip', status: 'offered', offeredOn: master.commendedOn }));
    expect(again.registerEntry).toMatchObject({ limited: true, deeds: null });
  });

  it('answers an empty list for a person the service does not hold', async () => {
    const res = await exportFor(idNumber());
    expect(res.status).toBe(200);
    expect(res.body.files).toEqual([]);
  });

  it('is for the programme office only, takes the ID number in the body only, and names a bad one', async () => {
    for (const role of ['auditor', 'finance', 'nominator', 'admin', 'street_union'] as const) expect((await exportFor(person.idNumber, token(role))).status).toBe(403);
    const bad = await exportFor('330304199001011235');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/idNumber/);
    expect((await exportFor(person.idNumber, office, { name: 'x' })).status).toBe(400);
    expect((await http.get(`/persons/export?idNumber=${person.idNumber}`, office)).status).toBe(404);
  });
});
