import type { RoundEntryV2, RoundStateV1, RoundStateV2 } from './messages';
import { outcomeLetters, outcomeOf } from './packed';
import { ranks, withVotes } from './ranking';

/**
 * The entries as the round hands them to its next run, column by column in list order (best expert
 * score first): the ids, the expert scores, the votes (null until the vote closes) and the outcomes,
 * one letter each. Ranks and the leadership group's ranking follow from these, so they are computed
 * again rather than carried: at 10,000 entries this is about 0.5 MB against 2 MB as objects.
 */
export interface PackedEntriesV2 {
  ids: string[];
  scores: number[];
  votes: number[] | null;
  outcomes: string;
}

/** The round's continue-as-new state since V2: the state with its entries packed. */
export type RoundCarryV2 = Omit<RoundStateV2, 'entries'> & { v: 2; entries: PackedEntriesV2 };

export function packState(state: RoundStateV2): RoundCarryV2 {
  const { entries, ...rest } = state;
  const voted = entries.length > 0 && entries.every((e) => e.votes !== null);
  return {
    ...rest,
    v: 2,
    entries: {
      ids: entries.map((e) => e.candidateId),
      scores: entries.map((e) => e.scoreCenti),
      votes: voted ? entries.map((e) => e.votes!) : null,
      outcomes: outcomeLetters(entries.map((e) => e.outcome)),
    },
  };
}

/** The state a run starts from: a packed V2 carry, or a V1 state from a run started before V2. */
export function unpackState(carried: RoundStateV1 | RoundCarryV2): RoundStateV2 {
  if (!('v' in carried)) {
    // V1 carried each reason and the not-shortlisted by name; both were written to the database before it continued.
    const { entries, notShortlisted, ...rest } = carried;
    return { ...rest, notShortlisted: notShortlisted.length, entries: entries.map(({ reason: _reason, ...e }) => e) };
  }
  const { v: _v, entries: packed, ...rest } = carried;
  const listed: RoundEntryV2[] = packed.ids.map((candidateId, i) => ({
    candidateId,
    rank: 0,
    scoreCenti: packed.scores[i],
    votes: null,
    voteScoreCenti: null,
    combinedCenti: null,
    combinedRank: null,
    outcome: outcomeOf(packed.outcomes[i]),
  }));
  const r = ranks(listed, (e) => e.scoreCenti);
  listed.forEach((e, i) => (e.rank = r[i]));
  if (!packed.votes) return { ...rest, entries: listed };
  const votes = Object.fromEntries(packed.ids.map((id, i) => [id, packed.votes![i]]));
  return { ...rest, entries: withVotes(listed, votes, rest.weights) };
}
