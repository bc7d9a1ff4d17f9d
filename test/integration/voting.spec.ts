import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, RoundRepository } from '../../libs/db';
import { PiiCipher } from '../../libs/security/pii';
import { client, startApi } from '../support/service';
import { controlClock, createVotingRound, voteRows, type VotingRound } from '../support/voting-fixture';

jest.setTimeout(120_000);

/** Casting votes over HTTP against real PostgreSQL: the rules, every refusal, and concurrent bursts. */
describe('public voting: POST /public/rounds/:id/votes', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let setNow: (at: Date) => void;
  const rounds: VotingRound[] = [];

  beforeAll(async () => {
    // Every request here comes from 127.0.0.1: the per-address limit is tested on its own elsewhere.
    api = await startApi({ VOTE_RATE_LIMIT_PER_MINUTE: '100000' });
    http = client(api.url);
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
    setNow = controlClock(api.app);
  });
  afterAll(async () => {
    for (const r of rounds) await r.remove();
    await db?.destroy();
    await api?.close();
  });

  async function round(options: Parameters<typeof createVotingRound>[1] = {}) {
    const r = await createVotingRound(db, options);
    rounds.push(r);
    return r;
  }
  const vote = (r: VotingRound, candidateId: string, credential: string, extra: Record<string, unknown> = {}) =>
    http.post(`/public/rounds/${r.roundId}/votes`, { candidateId, verifier: 'dev', credential, ...extra });
  const voter = () => `voter-${randomUUID()}`;

  it('accepts a vote with 201 {voteId, day}, storing one row with the voter and address only as keyed hashes', async () => {
    const r = await round();
    setNow(r.at('04-21T10:15'));
    const who = voter();
    const res = await vote(r, r.candidates[0], who);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ voteId: expect.stringMatching(/^[0-9a-f-]{36}$/), day: `${r.year}-04-21` });

    const rows = await db.query(`SELECT id, candidate_id, voter_hash, verifier, day::text AS day, cast_at, ip_hash FROM votes WHERE round_id = $1`, [r.roundId]);
    expect(rows).toHaveLength(1);
    const pii = api.app.get(PiiCipher);
    expect(rows[0]).toMatchObject({ id: res.body.voteId, candidate_id: r.candidates[0], verifier: 'dev', day: `${r.year}-04-21` });
    expect(rows[0].cast_at.toISOString()).toBe(r.at('04-21T10:15').toISOString());
    expect(rows[0].ip_hash).toBe(pii.blindIndex('vote-ip', '127.0.0.1'));
    expect(JSON.stringify(rows[0])).not.toContain(who);
    expect(JSON.stringify(rows[0])).not.toContain('127.0.0.1');
  });

  it('answers 409 to a second vote for the same candidate on the same Shanghai day, and keeps one row', async () => {
    const r = await round();
    const who = voter();
    setNow(r.at('04-21T08:30'));
    expect((await vote(r, r.candidates[0], who)).status).toBe(201);
    setNow(r.at('04-21T22:00'));
    const again = await vote(r, r.candidates[0], who);
    expect([again.status, again.body.code]).toEqual([409, 'vote_duplicate']);
    expect(again.body.message).toContain(`already voted for candidate ${r.candidates[0]} on ${r.year}-04-21 (Asia/Shanghai)`);
    // Another voter, and the same voter for another candidate, are not affected.
    expect((await vote(r, r.candidates[0], voter())).status).toBe(201);
    expect((await vote(r, r.candidates[1], who)).status).toBe(201);
    expect(await voteRows(db, r.roundId)).toHaveLength(3);
  });

  it('starts a new day at midnight Asia/Shanghai (16:00 UTC), not at UTC midnight', async () => {
    const r = await round();
    const who = voter();
    setNow(r.at('04-20T23:59:59'));
    expect((await vote(r, r.candidates[0], who)).body).toEqual({ voteId: expect.any(String), day: `${r.year}-04-20` });
    setNow(r.at('04-21T00:00:00'));
    const next = await vote(r, r.candidates[0], who);
    expect(next.status).toBe(201);
    expect(next.body.day).toBe(`${r.year}-04-21`);
    // 07:59 and 08:01 Shanghai straddle UTC midnight but are one Shanghai day.
    setNow(r.at('04-22T07:59'));
    expect((await vote(r, r.candidates[1], who)).status).toBe(201);
    setNow(r.at('04-22T08:01'));
    expect((await vote(r, r.candidates[1], who)).status).toBe(409);
    const rows = await voteRows(db, r.roundId);
    expect(rows.map((v) => [v.candidate_id, v.day])).toEqual([
      [r.candidates[0], `${r.year}-04-20`],
      [r.candidates[0], `${r.year}-04-21`],
      [r.candidates[1], `${r.year}-04-22`],
    ]);
  });

  it('refuses the 11th candidate of a day with 429, and takes it the next day', async () => {
    const r = await round({ candidates: 12 });
    const who = voter();
    setNow(r.at('04-21T09:00'));
    for (const c of r.candidates.slice(0, 10)) expect((await vote(r, c, who)).status).toBe(201);
    const eleventh = await vote(r, r.candidates[10], who);
    expect([eleventh.status, eleventh.body.code]).toEqual([429, 'vote_daily_limit']);
    expect(eleventh.body.message).toMatch(/already voted for 10 candidates on \d{4}-04-21 \(Asia\/Shanghai\), the most allowed in one day/);
    // A repeat of one of the ten is still the more precise 409, and another voter is unaffected.
    expect((await vote(r, r.candidates[3], who)).status).toBe(409);
    expect((await vote(r, r.candidates[10], voter())).status).toBe(201);
    setNow(r.at('04-22T00:00'));
    expect((await vote(r, r.candidates[10], who)).status).toBe(201);
    const mine = (await voteRows(db, r.roundId)).filter((v) => v.day === `${r.year}-04-21`);
    expect(mine).toHaveLength(11); // ten from this voter, one from the other
  });

  it("answers 422 for a candidate that is disqualified, withdrawn or not on the round's list", async () => {
    const r = await round({ candidates: 3, outcomes: { 1: 'disqualified', 2: 'withdrawn' } });
    const other = await round({ candidates: 1 });
    setNow(r.at('04-21T10:00'));
    const disqualified = await vote(r, r.candidates[1], voter());
    expect([disqualified.status, disqualified.body.code]).toEqual([422, 'vote_not_votable']);
    expect(disqualified.body.message).toBe(`candidate ${r.candidates[1]} can no longer receive votes (disqualified)`);
    expect((await vote(r, r.candidates[2], voter())).body.message).toContain('(withdrawn)');
    for (const stranger of [other.candidates[0], randomUUID()]) {
      const res = await vote(r, stranger, voter());
      expect(res.status).toBe(422);
      expect(res.body.message).toBe(`candidate ${stranger} is not on the ${r.year} round's voting list`);
    }
    expect(await voteRows(db, r.roundId)).toHaveLength(0);
  });

  it('answers 403 giving the window in Asia/Shanghai time before it opens, after it closes, and outside the voting phase', async () => {
    const r = await round();
    const window = 'from ' + `${r.year}-04-20 00:00 to ${r.year}-04-22 24:00 (Asia/Shanghai)`;
    setNow(r.at('04-19T23:59:59'));
    const early = await vote(r, r.candidates[0], voter());
    expect([early.status, early.body.code]).toEqual([403, 'voting_closed']);
    expect(early.body.message).toBe(`voting for the ${r.year} round has not opened yet: it is open ${window}; it is now ${r.year}-04-19 23:59`);
    expect(early.body).toMatchObject({ votingOpensAt: r.at('04-20T00:00').toISOString(), votingClosesAt: r.at('04-23T00:00').toISOString() });

    setNow(r.at('04-23T00:00'));
    const late = await vote(r, r.candidates[0], voter());
    expect(late.status).toBe(403);
    expect(late.body.message).toBe(`voting for the ${r.year} round has closed: it was open ${window}; it is now ${r.year}-04-23 00:00`);

    const elsewhere = await round({ phase: 'expert_review' });
    setNow(elsewhere.at('04-21T10:00'));
    const phase = await vote(elsewhere, elsewhere.candidates[0], voter());
    expect(phase.status).toBe(403);
    expect(phase.body.message).toMatch(/is not open: the round is in its 'expert_review' phase/);

    const unscheduled = await round({ phase: null, opens: null, closes: null });
    expect((await vote(unscheduled, unscheduled.candidates[0], voter())).body.message).toBe(`voting for the ${unscheduled.year} round has not been scheduled yet`);
    expect(await voteRows(db, r.roundId)).toHaveLength(0);
  });

  it('answers 404 for a round that does not exist', async () => {
    for (const id of [randomUUID(), 'not-a-round']) {
      const res = await http.post(`/public/rounds/${id}/votes`, { candidateId: randomUUID(), verifier: 'dev', credential: 'v' });
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`round ${id} not found`);
    }
  });

  it('answers 400 naming each malformed field, and writes nothing', async () => {
    const r = await round();
    setNow(r.at('04-21T10:00'));
    const good = { candidateId: r.candidates[0], verifier: 'dev', credential: voter() };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...good, candidateId: undefined }, 'candidateId', /must be a UUID/],
      [{ ...good, candidateId: 'c-1' }, 'candidateId', /must be a UUID/],
      [{ ...good, verifier: 'sms' }, 'verifier', /must be one of: wechat, dev/],
      [{ ...good, verifier: undefined }, 'verifier', /must be one of/],
      [{ ...good, credential: '' }, 'credential', /must not be empty/],
      [{ ...good, credential: 42 }, 'credential', /must be a string/],
      [{ ...good, credential: 'x'.repeat(513) }, 'credential', /at most 512/],
      [{ ...good, votes: 5 }, 'votes', /should not exist/],
    ];
    for (const [body, field, why] of cases) {
      const res = await http.post(`/public/rounds/${r.roundId}/votes`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect({ body, fields: res.body.fields }).toEqual({ body, fields: [{ field, reason: expect.stringMatching(why) }] });
    }
    expect(await voteRows(db, r.roundId)).toHaveLength(0);
  });

  it('answers 400 to a blank credential, naming it, before any verifier is asked', async () => {
    const r = await round();
    setNow(r.at('04-21T10:00'));
    const res = await vote(r, r.candidates[0], '   ');
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['credential']);
    expect(await voteRows(db, r.roundId)).toHaveLength(0);
  });

  it('takes exactly one of 30 identical votes sent at once: one 201, 29 × 409, one row', async () => {
    const r = await round();
    setNow(r.at('04-21T12:00'));
    const who = voter();
    const results = await Promise.all(Array.from({ length: 30 }, () => vote(r, r.candidates[0], who)));
    const statuses = results.map((x) => x.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    const rows = await voteRows(db, r.roundId);
    expect(rows.map((v) => v.id)).toEqual([results.find((x) => x.status === 201)!.body.voteId]);
    const [counter] = await db.query(`SELECT candidates FROM voter_days WHERE round_id = $1`, [r.roundId]);
    expect(counter.candidates).toBe(1);
  });

  it('keeps every accepted vote and no other in a mixed burst: 201s equal rows, no voter past 10 a day', async () => {
    const r = await round({ candidates: 14 });
    setNow(r.at('04-22T20:00'));
    const voters = Array.from({ length: 5 }, voter);
    // Each voter asks for 14 candidates (4 past the limit), half of them twice: 21 requests each, all at once.
    const requests = voters.flatMap((v) => [...r.candidates, ...r.candidates.slice(0, 7)].map((c) => ({ v, c })));
    requests.sort(() => Math.random() - 0.5);
    const results = await Promise.all(requests.map(({ v, c }) => vote(r, c, v)));
    const accepted = results.filter((x) => x.status === 201);
    const rows = await voteRows(db, r.roundId);
    expect(rows).toHaveLength(accepted.length);
    expect(new Set(rows.map((x) => x.id))).toEqual(new Set(accepted.map((x) => x.body.voteId)));
    expect(accepted).toHaveLength(voters.length * 10);
    expect(results.every((x) => [201, 409, 429].includes(x.status))).toBe(true);
    const perVoter = new Map<string, number>();
    for (const row of rows) perVoter.set(row.voter_hash, (perVoter.get(row.voter_hash) ?? 0) + 1);
    expect([...perVoter.values()]).toEqual(voters.map(() => 10));
    const pairs = rows.map((x) => `${x.voter_hash}/${x.candidate_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const counters = await db.query(`SELECT candidates FROM voter_days WHERE round_id = $1`, [r.roundId]);
    expect(counters.map((c: { candidates: number }) => c.candidates)).toEqual(voters.map(() => 10));
  });

  /**
   * The API keeps each round's ballot for a moment (BallotCache): a vote that arrives after something
   * changed must still be refused, and the round's final tally must count every vote answered 201.
   */
  describe('a vote against a round that has just changed', () => {
    /** Opens the round's window an hour ago by PostgreSQL's clock, closing it `closesIn` from now; gives the close. */
    async function windowFromNow(r: VotingRound, closesIn: string): Promise<Date> {
      await db.query(`UPDATE rounds SET voting_opens_at = now() - interval '1 hour', voting_closes_at = now() + $2::interval WHERE id = $1`, [r.roundId, closesIn]);
      const [{ closes }] = await db.query(`SELECT voting_closes_at AS closes FROM rounds WHERE id = $1`, [r.roundId]);
      return closes;
    }
    /** A first vote, so that the API holds the round's ballot as it was. */
    async function heldOpen(r: VotingRound) {
      setNow(r.at('04-21T10:00'));
      expect((await vote(r, r.candidates[0], voter())).status).toBe(201);
    }

    it('refuses with 403 a vote arriving just after the round left its voting phase', async () => {
      const r = await round();
      await heldOpen(r);
      await db.query(`UPDATE rounds SET phase = 'leadership_review' WHERE id = $1`, [r.roundId]);
      const late = await vote(r, r.candidates[1], voter());
      expect(late.status).toBe(403);
      expect(late.body.message).toMatch(/is not open: the round is in its 'leadership_review' phase/);
      expect(await voteRows(db, r.roundId)).toHaveLength(1);
    });

    it('refuses with 403 a vote arriving just after the office closed voting early', async () => {
      const r = await round();
      await heldOpen(r);
      await db.query(`UPDATE rounds SET voting_closes_at = $2 WHERE id = $1`, [r.roundId, r.at('04-21T10:00')]);
      setNow(new Date(r.at('04-21T10:00').getTime() + 1));
      const late = await vote(r, r.candidates[1], voter());
      expect(late.status).toBe(403);
      expect(late.body.message).toMatch(/has closed: it was open from \d{4}-04-20 00:00 to \d{4}-04-21 10:00 \(Asia\/Shanghai\)/);
      expect(await voteRows(db, r.roundId)).toHaveLength(1);
    });

    it('refuses with 422 a vote for a candidate disqualified a moment ago', async () => {
      const r = await round();
      await heldOpen(r);
      await db.query(`UPDATE round_entries SET outcome = 'disqualified' WHERE round_id = $1 AND candidate_id = $2`, [r.roundId, r.candidates[1]]);
      const late = await vote(r, r.candidates[1], voter());
      expect(late.status).toBe(422);
      expect(late.body.message).toBe(`candidate ${r.candidates[1]} can no longer receive votes (disqualified)`);
      expect(await voteRows(db, r.roundId)).toHaveLength(1);
    });

    it('takes a vote as soon as the round opens, though the API held it as not yet open', async () => {
      const r = await round({ phase: 're_review_list' });
      setNow(r.at('04-21T10:00'));
      expect((await vote(r, r.candidates[0], voter())).status).toBe(403);
      await db.query(`UPDATE rounds SET phase = 'voting' WHERE id = $1`, [r.roundId]);
      expect((await vote(r, r.candidates[0], voter())).status).toBe(201);
    });

    it("refuses with 403 a vote reaching the database after the close by the database's clock, whatever the API's clock says", async () => {
      const r = await round();
      // The window closed a second ago by PostgreSQL's clock; the API's clock is a minute behind.
      const closes = await windowFromNow(r, '-1 second');
      setNow(new Date(closes.getTime() - 60_000));
      const late = await vote(r, r.candidates[0], voter());
      expect(late.status).toBe(403);
      expect(late.body.message).toMatch(/has closed/);
      expect(await voteRows(db, r.roundId)).toHaveLength(0);
    });

    it("the final tally is not read before the database's clock has passed the close", async () => {
      const r = await round();
      const closes = await windowFromNow(r, '1 second');
      setNow(new Date(closes.getTime() - 60_000));
      expect((await vote(r, r.candidates[0], voter())).status).toBe(201);
      // The worker's timer may fire a moment before PostgreSQL's clock reaches the close.
      expect(await new RoundRepository(db).votesByCandidate(r.roundId)).toEqual({ [r.candidates[0]]: 1 });
      const [{ past }] = await db.query(`SELECT clock_timestamp() >= $1 AS past`, [closes]);
      expect(past).toBe(true);
      expect((await vote(r, r.candidates[1], voter())).status).toBe(403);
    });

    it('the final tally waits for a vote still being written at the close, counts it, and every vote after is refused', async () => {
      const r = await round();
      const closes = await windowFromNow(r, '1 second');
      setNow(new Date(closes.getTime() - 60_000));
      expect((await vote(r, r.candidates[0], voter())).status).toBe(201);

      // A vote whose statement has written its row but not committed when the close comes.
      const inFlight = new Client({ connectionString: process.env.DATABASE_URL });
      await inFlight.connect();
      try {
        await inFlight.query('BEGIN');
        await inFlight.query(
          `INSERT INTO votes (id, round_id, candidate_id, voter_hash, verifier, day, cast_at, ip_hash) VALUES ($1, $2, $3, 'in-flight', 'dev', '2030-01-01', now(), 'ip')`,
          [randomUUID(), r.roundId, r.candidates[1]],
        );
        let counted: Record<string, number> | null = null;
        const tally = new RoundRepository(db).votesByCandidate(r.roundId).then((t) => (counted = t));
        await new Promise((resolve) => setTimeout(resolve, 2000));
        expect(counted).toBeNull(); // past the close, still waiting for the vote being written
        await inFlight.query('COMMIT');
        await tally;
        expect(counted).toEqual({ [r.candidates[0]]: 1, [r.candidates[1]]: 1 });
      } finally {
        await inFlight.end();
      }
      // After the tally, a vote the API still believes in time is refused, and nothing is left uncounted.
      const late = await vote(r, r.candidates[2], voter());
      expect(late.status).toBe(403);
      expect(await voteRows(db, r.roundId)).toHaveLength(2);
    });
  });
});
