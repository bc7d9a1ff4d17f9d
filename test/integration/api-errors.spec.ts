import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db';
import { generateLocalKeyPair, signLocalToken } from '../../libs/security/local-issuer';
import { createRound } from '../support/review-helpers';
import { client, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

describe('refused requests (real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-errors-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let candidateId: string;
  let roundId: string;
  const office = token('union_office');
  const street = token('street_union');

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi(env);
    http = client(api.url);
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
    roundId = (await createRound(http)).roundId;
    candidateId = (await http.post('/nominations', nomination({ roundId }), token('nominator'))).body.candidateId;
  });
  afterAll(async () => {
    await db?.destroy();
    await api?.close();
    await worker?.close();
  });

  const decide = (body: unknown, as?: string) => http.post(`/candidates/${candidateId}/decisions`, body, as);

  it('answers 409 to a decision for a stage the candidate is not at, naming both stages', async () => {
    const res = await decide({ stage: 'qualification', outcome: 'approve', reason: 'looks fine' }, office);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("the candidate is at stage 'endorsement', not 'qualification'");
  });

  it('answers 413 to a body over the limit, not a 500', async () => {
    const res = await decide({ stage: 'endorsement', outcome: 'approve', reason: 'x'.repeat(200_000) }, street);
    expect(res).toMatchObject({ status: 413, body: { message: 'request entity too large' } });
  });

  it('answers 403 when the role does not own the stage', async () => {
    const res = await decide({ stage: 'endorsement', outcome: 'approve', reason: 'x' }, office);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain("belongs to 'street_union'");
    const finance = await decide({ stage: 'endorsement', outcome: 'approve', reason: 'x' }, token('finance'));
    expect(finance.status).toBe(403);
  });

  it('answers 400 to a malformed decision, naming the field and the reason', async () => {
    const cases: Array<[unknown, string]> = [
      [{ stage: 'endorsement', reason: 'x' }, 'outcome'],
      [{ stage: 'endorsement', outcome: 'maybe', reason: 'x' }, 'outcome'],
      [{ stage: 'public_notice', outcome: 'approve', reason: 'x' }, 'stage'],
      [{ stage: 'endorsement', outcome: 'approve', reason: '' }, 'reason'],
      [{ stage: 'endorsement', outcome: 'approve', reason: 'x', extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await decide(body, street);
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const badId = await http.post('/candidates/not-a-uuid/decisions', { stage: 'endorsement', outcome: 'approve', reason: 'x' }, street);
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ message: 'id: must be a UUID', fields: [{ field: 'id', reason: 'must be a UUID' }] });
    // None of it reached the workflow.
    expect((await http.get(`/candidates/${candidateId}`, office)).body.decisions).toEqual([]);
  });

  it('answers 401 without a token, with a forged one, or with an expired one', async () => {
    const body = { stage: 'endorsement', outcome: 'approve', reason: 'x' };
    expect((await decide(body)).status).toBe(401);
    expect((await decide(body, signLocalToken({ sub: 'u', role: 'street_union' }, generateLocalKeyPair().privateJwk))).status).toBe(401);
    expect((await decide(body, signLocalToken({ sub: 'u', role: 'street_union', exp: 1 }, process.env.AUTH_LOCAL_PRIVATE_KEY!))).status).toBe(401);
    expect((await http.get(`/candidates/${candidateId}`)).status).toBe(401);
    expect((await http.get('/finance/tasks')).status).toBe(401);
  });

  it("answers 404 for a candidate that does not exist, and hides other nominators' files", async () => {
    expect((await http.get(`/candidates/${randomUUID()}`, office)).status).toBe(404);
    expect((await http.get(`/candidates/${candidateId}`, token('nominator'))).status).toBe(404);
  });

  it('answers 404 to a decision on a file that does not exist, whichever role sends it, and logs no refusal', async () => {
    const missing = randomUUID();
    const qualification = { stage: 'qualification', outcome: 'approve', reason: 'ok' };
    expect((await http.post(`/candidates/${missing}/decisions`, qualification, office)).status).toBe(404);
    // A role that may not take this stage would be refused 403 on a real file; a missing file is still 404.
    expect((await http.post(`/candidates/${missing}/decisions`, qualification, token('leadership'))).status).toBe(404);
    expect(await db.query('SELECT 1 FROM refused_decisions WHERE candidate_id = $1', [missing])).toHaveLength(0);
  });

  it('refuses a bad nomination with every field and reason, and writes nothing', async () => {
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM candidates'))[0].n);
    const before = await count();
    const res = await http.post(
      '/nominations',
      nomination({ idNumber: '110105194912310021', mobile: '2381234567', industry: 'mining', channel: 'friends', hobby: 'chess' }),
      token('nominator'),
    );
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(res.body.fields.map((f: { field: string; reason: string }) => [f.field, f.reason]));
    expect(fields.idNumber).toMatch(/check digit/);
    expect(fields.mobile).toMatch(/mainland mobile/);
    expect(fields.industry).toMatch(/one of/);
    expect(fields.channel).toMatch(/one of/);
    expect(fields.hobby).toMatch(/should not exist/);
    expect(await count()).toBe(before);
  });

  it('lets only finance confirm a payment, and checks the reference', async () => {
    const payment = { reference: 'R1', paidOn: '2017-05-12' };
    expect((await http.post(`/finance/tasks/${randomUUID()}/confirm`, payment, office)).status).toBe(403);
    expect((await http.post(`/finance/tasks/${randomUUID()}/confirm`, payment, token('finance'))).status).toBe(404);
    expect((await http.post(`/finance/tasks/${randomUUID()}/confirm`, {}, token('finance'))).status).toBe(400);
  });
});
