import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { closeRounds, createRound, idNumber, mobileNumber } from '../support/review-helpers';
import { client, eventually, nomination, startApi, startWorker, token } from '../support/service';

jest.setTimeout(120_000);

/** How long the API waits for the engine in this file (TEMPORAL_CALL_TIMEOUT); 10 s by default. */
const DEADLINE_MS = 2000;
/** What the answer may take beyond the deadline: the reply itself, on a busy machine. */
const SLACK_MS = 1500;

/** The API while no worker polls its task queue: it answers 503 in time, and nothing is applied twice. */
describe('the workflow engine not answering (worker stopped; real Temporal dev server and PostgreSQL)', () => {
  const env = { TEMPORAL_TASK_QUEUE: `it-deadline-${randomUUID()}` };
  let api: Awaited<ReturnType<typeof startApi>>;
  let worker: INestApplicationContext | undefined;
  let http: ReturnType<typeof client>;
  const rounds: string[] = [];

  beforeAll(async () => {
    worker = await startWorker(env);
    api = await startApi({ ...env, TEMPORAL_CALL_TIMEOUT: `${DEADLINE_MS}ms` });
    http = client(api.url);
  });
  afterAll(async () => {
    // The round's nomination window may still be open: nominations other files send without a round must not join it.
    await closeRounds(api?.app.get(DataSource), rounds);
    await api?.close();
    await worker?.close();
  });

  /** The call's answer and how long it took. */
  const timed = async (call: () => Promise<{ status: number; body: any }>) => {
    const started = Date.now();
    const res = await call();
    return { ...res, ms: Date.now() - started };
  };

  it('answers a decision, a read and a round action with 503 within the deadline; the decision is applied once or not at all', async () => {
    const round = await createRound(http);
    rounds.push(round.roundId);
    const filed = await http.post(
      '/nominations',
      nomination({ roundId: round.roundId, channel: 'self', idNumber: idNumber(), mobile: mobileNumber() }),
      token('nominator'),
    );
    expect(filed.status).toBe(201);
    const id: string = filed.body.candidateId;
    const decision = { stage: 'qualification', outcome: 'approve', reason: 'conditions met' };
    const office = token('union_office', 'office-deadline');
    // The file is waiting for its qualification decision before the worker goes.
    await eventually(
      () => http.get(`/candidates/${id}`, office),
      (r) => r.status === 200 && r.body.stage === 'qualification',
    );

    await worker!.close();
    worker = undefined;

    const decided = await timed(() => http.post(`/candidates/${id}/decisions`, decision, office));
    expect(decided.status).toBe(503);
    expect(decided.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    expect(decided.body).toMatchObject({ statusCode: 503, accepted: false });
    expect(decided.body.message).toContain('the workflow engine did not answer in time');
    expect(decided.body.message).toContain('may still take effect once a worker is back, or not at all');
    expect(decided.body.message).toContain('before sending it again');

    const read = await timed(() => http.get(`/candidates/${id}`, office));
    expect(read.status).toBe(503);
    expect(read.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    expect(read.body.message).toContain('the workflow engine did not answer in time');

    const closing = await timed(() => http.post(`/rounds/${round.roundId}/phase`, { action: 'close', reason: 'nominations closed early' }, office));
    expect(closing.status).toBe(503);
    expect(closing.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    expect(closing.body).toMatchObject({ statusCode: 503, accepted: false });

    // The worker is back. The decision the engine held may have been applied meanwhile; sending it again
    // either applies it (it was lost) or is refused (it was not): one qualification decision either way.
    worker = await startWorker(env);
    const back = await eventually(
      () => http.get(`/candidates/${id}`, office),
      (r) => r.status === 200,
      30_000,
    );
    const qualifications = (body: { decisions: Array<{ stage: string }> }) => body.decisions.filter((d) => d.stage === 'qualification').length;
    expect(qualifications(back.body)).toBeLessThanOrEqual(1);
    const again = await http.post(`/candidates/${id}/decisions`, decision, office);
    if (qualifications(back.body) === 1) {
      expect(again.status).toBe(409);
      expect(again.body.message).toContain("not 'qualification'");
    } else {
      expect(again.status).toBe(200);
    }
    const settled = await http.get(`/candidates/${id}`, office);
    expect(settled.body.stage).toBe('inspection');
    expect(qualifications(settled.body)).toBe(1);
  });
});
