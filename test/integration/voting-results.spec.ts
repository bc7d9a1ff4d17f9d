import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, VoteRepository } from '../../libs/db';
import { client, startApi, token } from '../support/service';
import { controlClock, createVotingRound, type VotingRound } from '../support/voting-fixture';

jest.setTimeout(120_000);

/** What the public and the staff read about a vote: the ballot, the results once closed, the live tally. */
describe('public voting: the public round and the staff tally', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let http: ReturnType<typeof client>;
  let db: DataSource;
  let setNow: (at: Date) => void;
  let r: VotingRound;
  /** Votes cast in beforeAll: candidate index → how many. */
  const cast = [3, 1, 0, 2, 0];

  beforeAll(async () => {
    api = await startApi({ VOTE_RATE_LIMIT_PER_MINUTE: '100000' });
    http = client(api.url);
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, 2)).initialize();
    setNow = controlClock(api.app);
    // Candidate 4 is disqualified after receiving no votes; candidate 2 is on the list with none.
    r = await createVotingRound(db, { candidates: 5, outcomes: { 4: 'disqualified' } });
    const days = ['04-20T09:00', '04-21T21:00', '04-22T23:59'];
    for (const [i, n] of cast.entries()) {
      for (let k = 0; k < n; k++) {
        setNow(r.at(days[k]));
        const res = await http.post(`/public/rounds/${r.roundId}/votes`, { candidateId: r.candidates[i], verifier: 'dev', credential: `results-voter-${k}` });
        if (res.status !== 201) throw new Error(`vote: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  });
  afterAll(async () => {
    await r?.remove();
    await db?.destroy();
    await api?.close();
  });

  const publicRound = () => http.get(`/public/rounds/${r.roundId}`);

  it('shows the round and its window but no candidates before voting opens, without a token', async () => {
    setNow(r.at('04-19T12:00'));
    const res = await publicRound();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      roundId: r.roundId,
      year: r.year,
      phase: 'voting',
      voting: {
        state: 'not_open',
        opensAt: r.at('04-20T00:00').toISOString(),
        closesAt: r.at('04-23T00:00').toISOString(),
        window: `from ${r.year}-04-20 00:00 to ${r.year}-04-22 24:00 (Asia/Shanghai)`,
        days: 3,
      },
      candidates: [],
    });
  });

  it('lists the votable candidates by name during voting, with deeds and no counts, rank or personal data', async () => {
    setNow(r.at('04-21T12:00'));
    const res = await publicRound();
    expect(res.body.voting.state).toBe('open');
    expect(res.body.candidates).toEqual(
      [0, 1, 2, 3].map((i) => ({
        candidateId: r.candidates[i],
        name: `候选人0${i}`,
        employer: `瓯海眼镜厂${i}`,
        trade: '眼镜装配',
        deeds: `事迹${i}：带徒${i}人`,
      })),
    );
    const text = JSON.stringify(res.body);
    for (const hidden of ['sealed-id', 'sealed-mobile', 'it-voting-', 'expert', 'rank', 'votes']) expect(text).not.toContain(hidden);
  });

  it("adds each candidate's total once voting has closed, still leaving out the disqualified", async () => {
    setNow(r.at('04-23T00:00'));
    const res = await publicRound();
    expect(res.body.voting.state).toBe('closed');
    expect(res.body.candidates.map((c: { candidateId: string; votes: number }) => [c.candidateId, c.votes])).toEqual([0, 1, 2, 3].map((i) => [r.candidates[i], cast[i]]));
  });

  it('answers 404 for an unknown round', async () => {
    for (const id of [randomUUID(), 'nope']) {
      const res = await http.get(`/public/rounds/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`round ${id} not found`);
    }
  });

  it('gives staff live counts per candidate (zeros included), distinct voters and votes per Shanghai day', async () => {
    setNow(r.at('04-21T12:00'));
    for (const role of ['union_office', 'leadership', 'auditor', 'admin'] as const) {
      const res = await http.get(`/rounds/${r.roundId}/tally`, token(role));
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
    }
    const { body } = await http.get(`/rounds/${r.roundId}/tally`, token('auditor'));
    expect(body).toMatchObject({ roundId: r.roundId, year: r.year, phase: 'voting', voting: { state: 'open' }, totalVotes: 6, distinctVoters: 3 });
    expect(body.candidates.map((c: { candidateId: string; votes: number; rank: number; outcome: string | null }) => [c.candidateId, c.votes, c.rank, c.outcome])).toEqual(
      [
        [r.candidates[0], 3, 1, null],
        [r.candidates[3], 2, 4, null],
        [r.candidates[1], 1, 2, null],
        [r.candidates[2], 0, 3, null],
        [r.candidates[4], 0, 5, 'disqualified'],
      ],
    );
    expect(body.byDay).toEqual([
      { day: `${r.year}-04-20`, votes: 3, voters: 1 },
      { day: `${r.year}-04-21`, votes: 2, voters: 1 },
      { day: `${r.year}-04-22`, votes: 1, voters: 1 },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/voter_hash|voterHash|results-voter/);
  });

  it('keeps the tally from the public and from other roles', async () => {
    expect((await http.get(`/rounds/${r.roundId}/tally`)).status).toBe(401);
    for (const role of ['nominator', 'expert', 'street_union', 'finance'] as const) {
      const res = await http.get(`/rounds/${r.roundId}/tally`, token(role));
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect((await http.get(`/rounds/${randomUUID()}/tally`, token('auditor'))).status).toBe(404);
  });

  it('gives the round its final tally through VoteRepository.votesByCandidate', async () => {
    const tally = await api.app.get(VoteRepository).votesByCandidate(r.roundId);
    expect(new Map(tally.map((t) => [t.candidateId, t.votes]))).toEqual(new Map(r.candidates.map((id, i) => [id, cast[i]])));
    expect(tally[0]).toEqual({ candidateId: r.candidates[0], votes: 3 });
  });
});
