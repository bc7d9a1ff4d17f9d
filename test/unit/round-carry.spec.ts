import { packState, reReviewList, unpackState, withVotes, type RoundStateV1, type RoundStateV2 } from '../../libs/contract';

/** A round at the leadership review: a list of 2,000 (ties at the cut kept), ranked with the votes, a few outcomes. */
function leadershipReview(): RoundStateV2 {
  const reviewed = Array.from({ length: 2_400 }, (_, i) => ({ candidateId: `c-${String(i).padStart(5, '0')}`, scoreCenti: 6000 + ((i * 37) % 1500) }));
  const votes = Object.fromEntries(reviewed.map((c, i) => [c.candidateId, (i * 7919) % 500]));
  const weights = { expert: 70, vote: 30 };
  const entries = withVotes(reReviewList(reviewed, 2_000), votes, weights);
  entries[3].outcome = 'withdrawn';
  entries[10].outcome = 'disqualified';
  return {
    roundId: 'r-1',
    year: 2031,
    quota: 30,
    phase: 'leadership_review',
    windows: {
      nominationOpensAt: '2031-01-01T00:00:00.000Z',
      nominationClosesAt: '2031-02-01T00:00:00.000Z',
      reviewClosesAt: '2031-03-01T00:00:00.000Z',
      votingOpensAt: '2031-03-02T00:00:00.000Z',
      votingClosesAt: '2031-03-05T00:00:00.000Z',
      noticeStartsAt: null,
      noticeEndsAt: null,
      ceremonyAt: null,
    },
    weights,
    notShortlisted: 400,
    entries,
    objections: [],
    ceremony: null,
    actions: [
      { phase: 'reviewing', action: 'freeze_re_review_list', reason: 'expert review done', actor: { userId: 'o', role: 'union_office' }, at: '2031-03-01T00:00:00.000Z' },
    ],
    cohortSeq: 3,
  };
}

describe('the round state carried to its next run', () => {
  it('comes back whole from its packed form, ranks and the combined ranking computed again', () => {
    const state = leadershipReview();
    expect(state.entries.some((e, i) => i > 0 && e.rank === state.entries[i - 1].rank)).toBe(true); // ties share a rank
    expect(unpackState(JSON.parse(JSON.stringify(packState(state))))).toEqual(state);
    const beforeVote = { ...state, phase: 're_review_list' as const, entries: reReviewList(state.entries, 2_000) };
    expect(unpackState(packState(beforeVote))).toEqual(beforeVote);
  });

  it('is a fraction of the size of the entries as objects', () => {
    const state = leadershipReview();
    const packed = JSON.stringify(packState(state)).length;
    expect(packed).toBeLessThan(JSON.stringify(state).length / 2.5);
    expect(packed / state.entries.length).toBeLessThan(60); // bytes per entry: ~0.6 MB at 10,000
  });

  it('takes up the state of a run started before V2, reasons and the not-shortlisted by name dropped', () => {
    const state = leadershipReview();
    const old: RoundStateV1 = {
      ...state,
      notShortlisted: Array.from({ length: 400 }, (_, i) => `n-${i}`),
      entries: state.entries.map((e) => ({ ...e, reason: e.outcome ? `the file was ${e.outcome}` : null })),
    };
    expect(unpackState(old)).toEqual(state);
  });
});
