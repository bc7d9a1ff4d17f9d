import type { RankingWeightsV1, RoundEntryV2 } from './messages';

/** Competition ranks (1, 2, 2, 4) of values already sorted best first: equal keys share a rank. */
export function ranks<T>(sorted: T[], key: (t: T) => number): number[] {
  const out: number[] = [];
  sorted.forEach((t, i) => out.push(i > 0 && key(sorted[i - 1]) === key(t) ? out[i - 1] : i + 1));
  return out;
}

/** The re-review list (复审名单): by expert score, best first, ties sharing a rank; the first `size` ranks kept (ties at the cut stay). */
export function reReviewList(reviewed: Array<{ candidateId: string; scoreCenti: number }>, size?: number): RoundEntryV2[] {
  const sorted = [...reviewed].sort((a, b) => b.scoreCenti - a.scoreCenti || a.candidateId.localeCompare(b.candidateId));
  const r = ranks(sorted, (e) => e.scoreCenti);
  return sorted
    .map((e, i) => ({
      candidateId: e.candidateId,
      rank: r[i],
      scoreCenti: e.scoreCenti,
      votes: null,
      voteScoreCenti: null,
      combinedCenti: null,
      combinedRank: null,
      outcome: null,
    }))
    .filter((e) => size === undefined || e.rank <= size);
}

/**
 * The leadership group's ranking: vote score = 100 × votes / the highest vote count on the list;
 * combined = the weighted sum; ties broken by expert score, then share a rank. In hundredths.
 */
export function withVotes(entries: RoundEntryV2[], votes: Record<string, number>, weights: RankingWeightsV1): RoundEntryV2[] {
  const max = Math.max(0, ...entries.map((e) => votes[e.candidateId] ?? 0));
  const scored = entries.map((e) => {
    const v = votes[e.candidateId] ?? 0;
    const voteScoreCenti = max ? Math.round((10000 * v) / max) : 0;
    const combinedCenti = Math.round((weights.expert * e.scoreCenti + weights.vote * voteScoreCenti) / (weights.expert + weights.vote));
    return { ...e, votes: v, voteScoreCenti, combinedCenti };
  });
  const order = [...scored].sort((a, b) => b.combinedCenti - a.combinedCenti || b.scoreCenti - a.scoreCenti);
  const r = ranks(order, (e) => e.combinedCenti * 100_000 + e.scoreCenti);
  const rankOf = new Map(order.map((e, i) => [e.candidateId, r[i]]));
  return scored.map((e) => ({ ...e, combinedRank: rankOf.get(e.candidateId)! }));
}
