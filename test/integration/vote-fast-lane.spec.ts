import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db';
import { startApi } from '../support/service';
import { controlClock, createVotingRound, voteRows, type VotingRound } from '../support/voting-fixture';

jest.setTimeout(120_000);

/**
 * Well-formed votes on POST /public/rounds/:id/votes are answered before Express (voting/vote-intake.ts);
 * everything else is replayed to Express. Either way the answer must be what the controller gives:
 * the same request sent as /votes/ (a spelling the fast lane leaves alone, which Express routes to
 * the same controller) is the reference.
 */
describe('public voting: the fast lane answers as the controller does', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let r: VotingRound;

  beforeAll(async () => {
    api = await startApi({ VOTE_RATE_LIMIT_PER_MINUTE: '100000' });
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
    r = await createVotingRound(db, { candidates: 3 });
    controlClock(api.app)(r.at('04-21T10:00'));
  });
  afterAll(async () => {
    await r?.remove();
    await db?.destroy();
    await api?.close();
  });

  const send = async (path: string, body: string, contentType = 'application/json') => {
    const res = await fetch(`${api.url}/public/rounds/${r.roundId}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, limit: res.headers.get('x-ratelimit-limit'), type: res.headers.get('content-type') };
  };
  /** The same body through the fast lane (/votes) and past it (/votes/): status, body, headers alike. */
  async function both(body: (voter: string) => string, contentType?: string) {
    const lane = await send('/votes', body(`lane-${randomUUID()}`), contentType);
    const express = await send('/votes/', body(`express-${randomUUID()}`), contentType);
    if (lane.status === 201) {
      expect(lane.body).toEqual({ voteId: expect.any(String), day: `${r.year}-04-21` });
      expect(express.body).toEqual({ voteId: expect.any(String), day: `${r.year}-04-21` });
      expect({ ...lane, body: null }).toEqual({ ...express, body: null });
    } else {
      expect(lane).toEqual(express);
    }
    return lane;
  }
  const vote = (fields: Record<string, unknown>) => (voter: string) => JSON.stringify({ candidateId: r.candidates[0], verifier: 'dev', credential: voter, ...fields });

  it('takes a well-formed vote with 201, the rate-limit headers and a stored row', async () => {
    const before = (await voteRows(db, r.roundId)).length;
    expect((await both(vote({}))).status).toBe(201);
    expect((await both(vote({ candidateId: r.candidates[1] }), 'application/json; charset=utf-8')).status).toBe(201);
    expect(await voteRows(db, r.roundId)).toHaveLength(before + 4);
  });

  it('answers a malformed vote with the 400 that names each field', async () => {
    const cases = [vote({ votes: 5 }), vote({ candidateId: 'c-1' }), vote({ credential: '' }), vote({ verifier: 'sms' }), () => '[1,2]', () => '{}'];
    for (const body of cases) expect((await both(body)).status).toBe(400);
  });

  it('answers a body that is not JSON, or not an object, as the body parser does', async () => {
    for (const body of ['{bad', '"x"', '42', 'null']) expect((await both(() => body)).status).toBe(400);
    const res = await both(() => '{bad');
    expect(res.body.message).toMatch(/JSON/);
  });

  it('takes a vote the body parser reads though the fast lane does not: leading space, byte-order mark', async () => {
    expect((await both((voter) => `  ${vote({})(voter)}`)).status).toBe(201);
    expect((await both((voter) => `\uFEFF${vote({ candidateId: r.candidates[2] })(voter)}`)).status).toBe(201);
  });

  it('leaves other content types and charsets to Express', async () => {
    expect((await both(vote({}), 'text/plain')).status).toBe(400);
    await both(vote({}), 'application/json; charset=latin1');
  });
});
