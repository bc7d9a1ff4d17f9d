import type { INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { fetchDecodedHistory } from '../../libs/temporal/decode-history';
import { encryptingDataConverter } from '../../libs/temporal/encryption-codec';
import { client, nomination, skeletonNomination, startApi, startWorker, token } from '../support/service';
import { closeRounds, createRound, idNumber, mobileNumber, openDb, type TestRound } from '../support/review-helpers';

jest.setTimeout(120_000);

type Form = Record<string, any> & { name: string; idNumber: string; mobile: string; homeAddress: string; deeds: string };

/**
 * Intake through HTTP: the whole application form, its storage and masking, the skeleton body,
 * the 400 that lists every problem, rounds and their windows, one nomination per person per round,
 * personal data kept out of Temporal, and the first form version.
 */
describe('nomination intake (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-intake-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let connection: Connection;
  let temporal: Client;
  let round: TestRound;
  const rounds: string[] = [];
  const office = token('union_office', 'office-intake');
  const auditor = token('auditor', 'auditor-intake');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await openDb();
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default', dataConverter: encryptingDataConverter(api.config.pii) });
    round = await createRound(http);
    rounds.push(round.roundId);
  });
  afterAll(async () => {
    await closeRounds(db, rounds);
    await db?.destroy();
    await connection?.close();
    await api?.close();
    await worker?.close();
  });

  /** A full form for a person nobody else has nominated, in this file's round. */
  const person = (overrides: Record<string, unknown> = {}) =>
    nomination({
      idNumber: idNumber(),
      mobile: mobileNumber(),
      homeAddress: `浙江省温州市瓯海区娄桥街道古岸头村${Math.floor(Math.random() * 1e6)}号`,
      roundId: round.roundId,
      ...overrides,
    }) as Record<string, any> as Form;

  const rowsNamed = async (name: string) => Number((await db.query('SELECT count(*)::int AS n FROM candidates WHERE name = $1', [name]))[0].n);

  it('takes a full form (201 with its round) and stores it: clear for the programme office, masked for an auditor', async () => {
    const form = person();
    const created = await http.post('/nominations', form, token('nominator', `nom-${randomUUID()}`));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ candidateId: expect.any(String), workflowId: `candidate-${created.body.candidateId}`, roundId: round.roundId });
    const { candidateId } = created.body;

    const asOffice = await http.get(`/candidates/${candidateId}`, office);
    expect(asOffice.status).toBe(200);
    expect(asOffice.body).toMatchObject({
      candidateId,
      roundId: round.roundId,
      channel: 'organisational',
      stage: 'endorsement',
      status: 'awaiting_decision',
      name: form.name,
      idNumber: form.idNumber,
      mobile: form.mobile,
      homeAddress: form.homeAddress,
      employer: form.employer,
      industry: 'eyewear',
      trade: form.trade,
      yearsOfWork: 12,
      skillLevel: 'technician',
      formVersion: 1,
      form: {
        sex: form.sex,
        birthDate: form.birthDate,
        ethnicity: '汉族',
        education: '高中',
        politicalAffiliation: '群众',
        position: '装配班组长',
        honours: ['2015年瓯海区技术能手'],
        achievements: form.achievements,
        deeds: form.deeds,
        conditions: form.conditions,
        nominatorOpinion: form.nominatorOpinion,
      },
      conditions: ['superb_skill', 'leading_role'],
    });
    // Every pre-check passes but the signed consent's, which is not uploaded yet.
    expect(asOffice.body.prechecks.filter((p: { passed: boolean }) => !p.passed).map((p: { check: string }) => p.check)).toEqual(['consent_document']);
    // The stored form keeps no sensitive field in clear; they are shown from their sealed columns only.
    for (const k of ['idNumber', 'mobile', 'homeAddress']) expect(asOffice.body.form).not.toHaveProperty(k);

    const asAuditor = await http.get(`/candidates/${candidateId}`, auditor);
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.body.idNumber).toBe(`${form.idNumber.slice(0, 4)}**********${form.idNumber.slice(-4)}`);
    expect(asAuditor.body.mobile).toBe(`${form.mobile.slice(0, 3)}****${form.mobile.slice(-4)}`);
    expect(asAuditor.body.homeAddress).toBe(`${form.homeAddress.slice(0, 6)}${'*'.repeat(Math.min(8, form.homeAddress.length - 6))}`);
    const shown = JSON.stringify(asAuditor.body);
    for (const clear of [form.idNumber, form.mobile, form.homeAddress]) expect(shown).not.toContain(clear);
  });

  it("still takes the walking skeleton's body (201), and its missing conditions fail the 'conditions' pre-check", async () => {
    const created = await http.post('/nominations', skeletonNomination({ idNumber: idNumber(), mobile: mobileNumber(), roundId: round.roundId }), token('nominator'));
    expect(created.status).toBe(201);
    expect(created.body.roundId).toBe(round.roundId);
    const file = await http.get(`/candidates/${created.body.candidateId}`, office);
    expect(file.status).toBe(200);
    expect(file.body.stage).toBe('endorsement');
    const byCheck = Object.fromEntries(file.body.prechecks.map((p: { check: string }) => [p.check, p]));
    expect(byCheck.conditions).toMatchObject({ passed: false, detail: 'claims none of the four conditions' });
    expect(byCheck.years_of_work).toMatchObject({ passed: true });
    expect(byCheck.industry_scope).toMatchObject({ passed: true });
    expect(file.body.conditions).toEqual([]);
  });

  it('requires the candidate’s separate consent (PIPL art. 29), and shows whether the signed paper is attached', async () => {
    const without = person({ name: `同意${randomUUID().slice(0, 4)}` });
    delete without.consent;
    const refused = await http.post('/nominations', without, token('nominator'));
    expect([refused.status, refused.body.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['consent']]);
    expect(refused.body.message).toMatch(/PIPL art\. 29/);
    const tomorrow = new Date(Date.now() + 2 * 864e5).toISOString().slice(0, 10);
    const early = await http.post('/nominations', person({ consent: { signedOn: tomorrow, attestedBy: '工会' } }), token('nominator'));
    expect([early.status, early.body.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['consent.signedOn']]);
    const blank = await http.post('/nominations', person({ consent: { signedOn: '2017-04-08', attestedBy: ' \u200b' } }), token('nominator'));
    expect([blank.status, blank.body.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['consent.attestedBy']]);
    expect(await rowsNamed(without.name)).toBe(0);

    const nominator = token('nominator');
    const created = await http.post('/nominations', person(), nominator);
    expect(created.status).toBe(201);
    const consentCheck = async () =>
      (await http.get(`/candidates/${created.body.candidateId}`, office)).body.prechecks.find((p: { check: string }) => p.check === 'consent_document');
    expect(await consentCheck()).toMatchObject({ passed: false });
    const form = new FormData();
    form.append('kind', 'consent');
    form.append('file', new Blob([Buffer.from('%PDF-1.4 consent')], { type: 'application/pdf' }), '同意书.pdf');
    const uploaded = await fetch(`${api.url}/candidates/${created.body.candidateId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nominator}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    expect(await consentCheck()).toMatchObject({ passed: true });
    expect((await http.get(`/candidates/${created.body.candidateId}`, office)).body.form.consent).toEqual({ signedOn: '2017-04-08', attestedBy: '瓯海眼镜厂工会 李明' });
  });

  /** Three problems at once: sex against the ID number, deeds of 801 characters, industry 'other' without a justification. */
  const threeProblems = (name: string) => person({ name, idNumber: idNumber('male'), sex: 'female', deeds: '事'.repeat(801), industry: 'other' });

  it('answers 400 to a form with several problems, naming the field rule broken, and writes nothing', async () => {
    const name = `四百${randomUUID().slice(0, 8)}`;
    const res = await http.post('/nominations', threeProblems(name), token('nominator'));
    expect(res.status).toBe(400);
    const fields = res.body.fields as Array<{ field: string; reason: string }>;
    expect(fields.find((f) => f.field === 'deeds')?.reason).toBe('deeds must be at most 800 characters');
    expect(res.body.message).toContain('deeds: deeds must be at most 800 characters');
    expect(await rowsNamed(name)).toBe(0);
  });

  it('lists every problem in that 400 at once: the cross-field ones beside the field ones', async () => {
    const res = await http.post('/nominations', threeProblems(`四百${randomUUID().slice(0, 8)}`), token('nominator'));
    expect(res.status).toBe(400);
    const fields = res.body.fields as Array<{ field: string; reason: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['deeds', 'industryJustification', 'sex']);
    expect(fields.find((f) => f.field === 'sex')!.reason).toContain('does not agree with the ID number');
    expect(fields.find((f) => f.field === 'industryJustification')!.reason).toContain("industry is 'other'");
  });

  it('answers 400 to the cross-field rules alone (sex against the ID number, industry other without justification), writing nothing', async () => {
    const name = `四百${randomUUID().slice(0, 8)}`;
    const res = await http.post('/nominations', person({ name, idNumber: idNumber('female'), sex: 'male', industry: 'other' }), token('nominator'));
    expect(res.status).toBe(400);
    const fields = res.body.fields as Array<{ field: string; reason: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['industryJustification', 'sex']);
    expect(fields.find((f) => f.field === 'sex')!.reason).toContain('does not agree with the ID number');
    expect(fields.find((f) => f.field === 'industryJustification')!.reason).toBe("industryJustification is required when industry is 'other'");
    expect(await rowsNamed(name)).toBe(0);
  });

  it("answers 409 to a nomination outside the round's window, giving the window", async () => {
    const future = await createRound(http, (y) => ({
      nominationOpensAt: new Date(`${y}-04-06T00:00:00+08:00`),
      nominationClosesAt: new Date(`${y}-04-16T00:00:00+08:00`),
      reviewClosesAt: new Date(`${y}-04-26T00:00:00+08:00`),
    }));
    const name = `窗口${randomUUID().slice(0, 8)}`;
    const res = await http.post('/nominations', person({ name, roundId: future.roundId }), token('nominator'));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(
      `nominations for the ${future.year} round are accepted from ${future.year}-04-06 00:00 to ${future.year}-04-15 24:00 (Asia/Shanghai)`,
    );
    expect(await rowsNamed(name)).toBe(0);
  });

  it('takes one nomination per person per round (409 for the second), and the same person in another round', async () => {
    const other = await createRound(http);
    rounds.push(other.roundId);
    const id = idNumber();
    const name = `同人${randomUUID().slice(0, 8)}`;
    const first = await http.post('/nominations', person({ name, idNumber: id }), token('nominator'));
    expect(first.status).toBe(201);
    // Another nominator, another mobile, another channel: still the same person in the same round.
    const again = await http.post('/nominations', person({ name, idNumber: id, channel: 'self' }), token('nominator'));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already nominated in this round');
    expect(await rowsNamed(name)).toBe(1);

    const elsewhere = await http.post('/nominations', person({ name, idNumber: id, roundId: other.roundId }), token('nominator'));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.roundId).toBe(other.roundId);
    expect(await rowsNamed(name)).toBe(2);
  });

  it('keeps the ID number, mobile and address out of the workflow id, its input, its search attributes and its history', async () => {
    const form = person();
    const created = await http.post('/nominations', form, token('nominator'));
    expect(created.status).toBe(201);
    const { candidateId, workflowId } = created.body as { candidateId: string; workflowId: string };
    const clear = [form.idNumber, form.mobile, form.homeAddress, form.idNumber.slice(6, 14)];
    for (const value of clear) expect(workflowId).not.toContain(value);

    const handle = temporal.workflow.getHandle(workflowId);
    // Decoded as the API's timeline decodes it: even in clear, the payloads carry ids only (temporal-codec.spec.ts reads them raw).
    const history = await fetchDecodedHistory(handle);
    const started = history.events![0];
    expect(started.workflowExecutionStartedEventAttributes).toBeTruthy();
    const startedJson = readable(started);
    // The decoding works: what the input and the search attributes do carry is there.
    expect(startedJson).toContain(`"candidateId":"${candidateId}"`);
    expect(startedJson).toContain(`"roundId":"${round.roundId}"`);
    expect(startedJson).toContain('"submittedBy":');
    expect(startedJson).toContain('"CandidateStage":');
    for (const value of clear) expect(startedJson).not.toContain(value);

    const described = await handle.describe();
    const attributes = JSON.stringify(described.typedSearchAttributes) + JSON.stringify(described.searchAttributes);
    expect(attributes).toContain(round.roundId);
    for (const value of clear) expect(attributes).not.toContain(value);
    // Nor anywhere later in the history (status reports, search attribute upserts).
    const whole = readable(history);
    for (const value of clear) expect(whole).not.toContain(value);
  });

  it('keeps the form as version 1, sensitive fields sealed', async () => {
    const form = person({ deeds: `第一版事迹 ${randomUUID()}` });
    const sub = `nom-${randomUUID()}`;
    const created = await http.post('/nominations', form, token('nominator', sub));
    expect(created.status).toBe(201);
    const versions = await http.get(`/candidates/${created.body.candidateId}/versions`, office);
    expect(versions.status).toBe(200);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0]).toMatchObject({
      candidateId: created.body.candidateId,
      version: 1,
      note: 'nominated',
      createdBy: sub,
      form: { name: form.name, deeds: form.deeds, yearsOfWork: 12 },
    });
    expect([...versions.body[0].sealedFields].sort()).toEqual(['homeAddress', 'idNumber', 'mobile']);
    const shown = JSON.stringify(versions.body);
    for (const clear of [form.idNumber, form.mobile, form.homeAddress]) expect(shown).not.toContain(clear);
    // The submitting nominator may read its own file's versions.
    const own = await http.get(`/candidates/${created.body.candidateId}/versions`, token('nominator', sub));
    expect(own.status).toBe(200);
    expect(own.body.map((v: { version: number }) => v.version)).toEqual([1]);
  });
});

/**
 * JSON of a history or event with every payload's bytes decoded as UTF-8 (the client hands them over
 * as byte arrays or, in their JSON form, as base64), so a clear value anywhere in them would show.
 */
function readable(value: unknown): string {
  const parsed = (text: string) => {
    try {
      return JSON.parse(text); // a JSON payload: nested as JSON, not as an escaped string
    } catch {
      return text;
    }
  };
  return JSON.stringify(value, (key, v) => {
    if (v instanceof Uint8Array) return parsed(Buffer.from(v).toString('utf8'));
    if (v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) return parsed(Buffer.from(v.data).toString('utf8'));
    if (key === 'data' && typeof v === 'string') return parsed(Buffer.from(v, 'base64').toString('utf8'));
    return v;
  });
}
