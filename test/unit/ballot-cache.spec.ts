import { BALLOT_TTL_MS, BallotCache } from '../../apps/api/src/voting/ballot-cache';
import type { RoundBallot, VoteRepository } from '../../libs/db';

const ROUND = 'round-1';
const ballot = (phase: string): RoundBallot => ({ year: 2041, phase, votingOpensAt: null, votingClosesAt: null, entries: new Map() });

describe(BallotCache.name, () => {
  let reads: number;
  let answer: () => Promise<RoundBallot | null>;
  let sut: BallotCache;

  beforeEach(() => {
    jest.useFakeTimers();
    reads = 0;
    answer = async () => ballot('voting');
    sut = new BallotCache({ roundBallot: () => (reads++, answer()) } as unknown as VoteRepository);
  });
  afterEach(() => jest.useRealTimers());

  it('reads a round once for every request within BALLOT_TTL_MS, concurrent ones included', async () => {
    const got = await Promise.all([sut.get(ROUND), sut.get(ROUND), sut.get(ROUND)]);
    jest.advanceTimersByTime(BALLOT_TTL_MS - 1);
    await sut.get(ROUND);
    expect(reads).toBe(1);
    expect(got.map((b) => b?.phase)).toEqual(['voting', 'voting', 'voting']);
  });

  it('reads it again once BALLOT_TTL_MS has passed', async () => {
    await sut.get(ROUND);
    answer = async () => ballot('leadership_review');
    jest.advanceTimersByTime(BALLOT_TTL_MS - 1);
    expect((await sut.get(ROUND))?.phase).toBe('voting');
    jest.advanceTimersByTime(1);
    expect((await sut.get(ROUND))?.phase).toBe('leadership_review');
    expect(reads).toBe(2);
  });

  it('asked for a read begun since an instant, reads again unless one began since, and shares it', async () => {
    await sut.get(ROUND);
    jest.advanceTimersByTime(10);
    const arrived = performance.now();
    answer = async () => ballot('leadership_review');
    const [first, second] = await Promise.all([sut.get(ROUND, arrived), sut.get(ROUND, arrived)]);
    expect([first?.phase, second?.phase]).toEqual(['leadership_review', 'leadership_review']);
    expect(reads).toBe(2);
    // A read begun at `arrived` is kept and serves ordinary requests too.
    expect((await sut.get(ROUND))?.phase).toBe('leadership_review');
    expect(reads).toBe(2);
  });

  it('keeps neither an unknown round nor a failed read', async () => {
    answer = async () => null;
    expect(await sut.get(ROUND)).toBeNull();
    answer = async () => {
      throw new Error('connection lost');
    };
    await expect(sut.get(ROUND)).rejects.toThrow('connection lost');
    answer = async () => ballot('voting');
    expect((await sut.get(ROUND))?.phase).toBe('voting');
    expect(reads).toBe(3);
  });
});
