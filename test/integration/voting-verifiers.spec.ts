import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db';
import { PiiCipher } from '../../libs/security/pii';
import { TEST_OIDC } from '../support/oidc';
import { client, startApi } from '../support/service';
import { controlClock, createVotingRound, voteRows, type VotingRound } from '../support/voting-fixture';
import { APP_ID, APP_SECRET, wechatStandIn } from '../support/wechat-stand-in';

jest.setTimeout(120_000);

describe('public voting: verifiers, production and the per-address limit', () => {
  let db: DataSource;
  const rounds: VotingRound[] = [];
  const apis: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
  });
  afterAll(async () => {
    for (const a of apis) await a.close();
    for (const r of rounds) await r.remove();
    await db?.destroy();
  });

  async function api(env: NodeJS.ProcessEnv) {
    const started = await startApi(env);
    apis.push(started);
    return { ...started, http: client(started.url), setNow: controlClock(started.app) };
  }
  async function round() {
    const r = await createVotingRound(db, { candidates: 3 });
    rounds.push(r);
    return r;
  }

  describe('wechat, against a stand-in for its OAuth endpoint', () => {
    let wechat: Awaited<ReturnType<typeof wechatStandIn>>;
    let service: Awaited<ReturnType<typeof api>>;
    let r: VotingRound;
    const cast = (candidateId: string, credential: string) => service.http.post(`/public/rounds/${r.roundId}/votes`, { candidateId, verifier: 'wechat', credential });

    beforeAll(async () => {
      wechat = await wechatStandIn();
      service = await api({ WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_BASE: wechat.base, WECHAT_TIMEOUT_MS: '2000' });
      r = await round();
      service.setNow(r.at('04-21T10:00'));
    });
    afterAll(() => wechat.close());

    it('counts a vote from a good code under the openid it stands for: a new code for the same openid is the same voter', async () => {
      const openid = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
      const first = await cast(r.candidates[0], wechat.codeFor(openid));
      expect(first.status).toBe(201);
      const again = await cast(r.candidates[0], wechat.codeFor(openid));
      expect(again.status).toBe(409);
      // Openids are case-sensitive: one differing only in case is another voter.
      expect((await cast(r.candidates[0], wechat.codeFor(openid.toLowerCase()))).status).toBe(201);

      const rows = await db.query(`SELECT voter_hash, verifier FROM votes WHERE round_id = $1 ORDER BY cast_at, id`, [r.roundId]);
      expect(rows).toHaveLength(2);
      expect(rows.every((v: { verifier: string }) => v.verifier === 'wechat')).toBe(true);
      expect(rows[0].voter_hash).not.toBe(rows[1].voter_hash);
      expect(JSON.stringify(rows)).not.toContain(openid);
      const pii = service.app.get(PiiCipher);
      // Both votes carry the same (fixed) time, so the rows' order is not theirs: match by hash.
      const hashOf = (id: string) => pii.blindIndex('voter', `wechat:${Buffer.from(id).toString('hex')}`);
      expect(rows.map((v: { voter_hash: string }) => v.voter_hash).sort()).toEqual([hashOf(openid), hashOf(openid.toLowerCase())].sort());
    });

    it('answers 401 to a code WeChat refuses, or one already used, and records nothing', async () => {
      const before = (await voteRows(db, r.roundId)).length;
      const bad = await cast(r.candidates[1], 'made-up-code');
      expect(bad.status).toBe(401);
      expect(bad.body.message).toMatch(/WeChat refused the sign-in code \(errcode 40029\)/);
      const code = wechat.codeFor('o-once');
      expect((await cast(r.candidates[1], code)).status).toBe(201);
      expect((await cast(r.candidates[2], code)).status).toBe(401);
      expect(await voteRows(db, r.roundId)).toHaveLength(before + 1);
    });

    it('answers 502 when WeChat fails, 503 when it is busy or down, with a message that says so and no secret', async () => {
      const before = (await voteRows(db, r.roundId)).length;
      wechat.state.mode = 'http500';
      const failing = await cast(r.candidates[1], wechat.codeFor('o-x'));
      expect(failing.status).toBe(502);
      expect(failing.body.message).toBe('WeChat answered the sign-in check with HTTP 500; try again shortly');
      wechat.state.mode = 'busy';
      const busy = await cast(r.candidates[1], wechat.codeFor('o-x'));
      expect(busy.status).toBe(503);
      expect(busy.body.message).toMatch(/WeChat is busy/);
      wechat.state.mode = 'ok';

      await wechat.close();
      const down = await cast(r.candidates[1], 'any-code');
      expect(down.status).toBe(503);
      expect(down.body.message).toMatch(/^WeChat could not be reached to verify the voter \(ECONNREFUSED\); try again shortly$/);
      expect(JSON.stringify([failing.body, busy.body, down.body])).not.toContain(APP_SECRET);
      expect(await voteRows(db, r.roundId)).toHaveLength(before);
    });

    it('does not ask WeChat about a vote that could not count', async () => {
      const requests = wechat.state.requests;
      const closed = await createVotingRound(db, { candidates: 1, phase: 'leadership' });
      rounds.push(closed);
      expect((await service.http.post(`/public/rounds/${closed.roundId}/votes`, { candidateId: closed.candidates[0], verifier: 'wechat', credential: 'c' })).status).toBe(
        403,
      );
      expect(wechat.state.requests).toBe(requests);
    });
  });

  it('answers 400 on verifier when WeChat is not configured', async () => {
    const service = await api({});
    const r = await round();
    service.setNow(r.at('04-21T10:00'));
    const res = await service.http.post(`/public/rounds/${r.roundId}/votes`, { candidateId: r.candidates[0], verifier: 'wechat', credential: 'c' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([{ field: 'verifier', reason: expect.stringMatching(/'wechat' is not configured/) }]);
  });

  it('refuses the dev verifier in production, unless VOTE_DEV_VERIFIER=true', async () => {
    const production = await api({ NODE_ENV: 'production', ...TEST_OIDC });
    const r = await round();
    production.setNow(r.at('04-21T10:00'));
    const refused = await production.http.post(`/public/rounds/${r.roundId}/votes`, { candidateId: r.candidates[0], verifier: 'dev', credential: 'v1' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'verifier', reason: expect.stringMatching(/production/) }]);
    expect(await voteRows(db, r.roundId)).toHaveLength(0);

    const allowed = await api({ NODE_ENV: 'production', ...TEST_OIDC, VOTE_DEV_VERIFIER: 'true' });
    allowed.setNow(r.at('04-21T10:00'));
    expect((await allowed.http.post(`/public/rounds/${r.roundId}/votes`, { candidateId: r.candidates[0], verifier: 'dev', credential: 'v1' })).status).toBe(201);
  });

  describe('per-address rate limit', () => {
    const post = (base: string, r: VotingRound, credential: string, forwardedFor?: string) =>
      fetch(`${base}/public/rounds/${r.roundId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) },
        body: JSON.stringify({ candidateId: r.candidates[0], verifier: 'dev', credential }),
      }).then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { message: string } }));

    it('behind a trusted proxy, limits each client address on its own and records the client address', async () => {
      const service = await api({ VOTE_RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY: 'loopback' });
      const r = await round();
      service.setNow(r.at('04-21T10:00'));
      const first = await Promise.all([1, 2, 3, 4].map((i) => post(service.url, r, `carrier-${i}`, '203.0.113.7')));
      expect(first.map((x) => x.status)).toEqual([201, 201, 201, 201]);
      const fifth = await post(service.url, r, 'carrier-5', '203.0.113.7');
      expect(fifth.status).toBe(429);
      expect(fifth.body.message).toMatch(/^too many requests from your network address: at most 4 a minute; try again in \d+ s$/);
      expect(Number(fifth.retryAfter)).toBeGreaterThan(0);
      // Another address is not held back; the public round read has its own allowance.
      expect((await post(service.url, r, 'elsewhere', '198.51.100.1')).status).toBe(201);
      expect((await service.http.get(`/public/rounds/${r.roundId}`)).status).toBe(200);

      const pii = service.app.get(PiiCipher);
      const ips = await db.query(`SELECT ip_hash, count(*)::int AS n FROM votes WHERE round_id = $1 GROUP BY ip_hash`, [r.roundId]);
      expect(Object.fromEntries(ips.map((x: { ip_hash: string; n: number }) => [x.ip_hash, x.n]))).toEqual({
        [pii.blindIndex('vote-ip', '203.0.113.7')]: 4,
        [pii.blindIndex('vote-ip', '198.51.100.1')]: 1,
      });
    });

    it('without TRUST_PROXY, ignores X-Forwarded-For: a client cannot escape the limit by inventing addresses', async () => {
      const service = await api({ VOTE_RATE_LIMIT_PER_MINUTE: '3' });
      const r = await round();
      service.setNow(r.at('04-21T10:00'));
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await post(service.url, r, `spoof-${i}`, `192.0.2.${i + 1}`));
      expect(results.map((x) => x.status)).toEqual([201, 201, 201, 429, 429]);
      expect(await voteRows(db, r.roundId)).toHaveLength(3);
    });
  });
});
