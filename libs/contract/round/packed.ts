import type { CohortDecisionV1 } from '../candidate/cohort';
import type { EntryOutcome, RoundEntryWriteV2 } from './messages';

/**
 * What the round sends its activities and gets back, column by column: as objects a 10,000 round's
 * history grew past the 4 MB a worker receives in one message (it is fetched whole to replay).
 */

const LETTER: Record<EntryOutcome, string> = {
  selected: 's',
  left_out: 'l',
  disqualified: 'd',
  approved: 'a',
  not_approved: 'n',
  commended: 'c',
  withdrawn: 'w',
};
const OUTCOME = Object.fromEntries(Object.entries(LETTER).map(([outcome, letter]) => [letter, outcome as EntryOutcome]));

/** The outcomes as one letter each ('-': none yet). */
export function outcomeLetters(outcomes: Array<EntryOutcome | null>): string {
  return outcomes.map((o) => (o ? LETTER[o] : '-')).join('');
}

export function outcomeOf(letter: string): EntryOutcome | null {
  return OUTCOME[letter] ?? null;
}

/**
 * Entries to write to `round_entries`. Per entry a reason mode: 'g' gives `reasons[i]` (null: none),
 * 's' takes the reason the API stored under `reasonsIds[reasons[i]]`, 'k' keeps the row's (a re-ranking).
 */
export interface EntryWritesV2 {
  ids: string[];
  rank: number[];
  score: number[];
  votes: Array<number | null>;
  voteScore: Array<number | null>;
  combined: Array<number | null>;
  combinedRank: Array<number | null>;
  outcomes: string;
  reasonModes: string;
  reasons: Array<string | number | null>;
  reasonsIds: string[];
}

export function packWrites(entries: RoundEntryWriteV2[]): EntryWritesV2 {
  const reasonsIds = [...new Set(entries.flatMap((e) => (e.reasonsId ? [e.reasonsId] : [])))];
  return {
    ids: entries.map((e) => e.candidateId),
    rank: entries.map((e) => e.rank),
    score: entries.map((e) => e.scoreCenti),
    votes: entries.map((e) => e.votes),
    voteScore: entries.map((e) => e.voteScoreCenti),
    combined: entries.map((e) => e.combinedCenti),
    combinedRank: entries.map((e) => e.combinedRank),
    outcomes: outcomeLetters(entries.map((e) => e.outcome)),
    reasonModes: entries.map((e) => (e.reasonsId ? 's' : e.reason !== undefined ? 'g' : 'k')).join(''),
    reasons: entries.map((e) => (e.reasonsId ? reasonsIds.indexOf(e.reasonsId) : (e.reason ?? null))),
    reasonsIds,
  };
}

/** The writes as entries; a batch scheduled before V2 came as entries already. */
export function unpackWrites(writes: EntryWritesV2 | RoundEntryWriteV2[]): RoundEntryWriteV2[] {
  if (Array.isArray(writes)) return writes;
  return writes.ids.map((candidateId, i) => {
    const mode = writes.reasonModes[i];
    return {
      candidateId,
      rank: writes.rank[i],
      scoreCenti: writes.score[i],
      votes: writes.votes[i],
      voteScoreCenti: writes.voteScore[i],
      combinedCenti: writes.combined[i],
      combinedRank: writes.combinedRank[i],
      outcome: outcomeOf(writes.outcomes[i]),
      ...(mode === 'g' && { reason: writes.reasons[i] as string | null }),
      ...(mode === 's' && { reasonsId: writes.reasonsIds[writes.reasons[i] as number] }),
    };
  });
}

/** The round's open files and their expert scores (null: review not complete). */
export interface OpenCandidatesV2 {
  ids: string[];
  scores: Array<number | null>;
}

export function packCandidates(open: Array<{ candidateId: string; scoreCenti: number | null }>): OpenCandidatesV2 {
  return { ids: open.map((c) => c.candidateId), scores: open.map((c) => c.scoreCenti) };
}

/** The open files; histories recorded before V2 hold them as objects. */
export function unpackCandidates(open: OpenCandidatesV2 | Array<{ candidateId: string; scoreCenti: number | null }>) {
  if (Array.isArray(open)) return open;
  return open.ids.map((candidateId, i) => ({ candidateId, scoreCenti: open.scores[i] }));
}

/**
 * One cohort decision for a batch of files: the decision once, then per file its id and, when the
 * step gives each its own, its reason and detail. With `reasonsId` each file's reason is the one the
 * API stored, read as the batch is sent.
 */
export interface CohortBatchV2 {
  decision: Omit<CohortDecisionV1, 'reason' | 'detail'>;
  ids: string[];
  reasons?: Array<string | null>;
  details?: Array<CohortDecisionV1['detail'] | null>;
  reasonsId?: string;
}

export interface CohortTarget {
  candidateId: string;
  reason?: string;
  detail?: CohortDecisionV1['detail'];
}

export function cohortBatch(decision: CohortBatchV2['decision'], targets: CohortTarget[], reasonsId?: string): CohortBatchV2 {
  return {
    decision,
    ids: targets.map((t) => t.candidateId),
    ...(targets.some((t) => t.reason) && { reasons: targets.map((t) => t.reason?.trim() || null) }),
    ...(targets.some((t) => t.detail) && { details: targets.map((t) => t.detail ?? null) }),
    ...(reasonsId && { reasonsId }),
  };
}

/** Each file's decision. */
export function cohortDecisions(batch: CohortBatchV2): Array<{ candidateId: string; decision: CohortDecisionV1 }> {
  return batch.ids.map((candidateId, i) => {
    const reason = batch.reasons?.[i];
    const detail = batch.details?.[i];
    return { candidateId, decision: { ...batch.decision, ...(reason && { reason }), ...(detail && { detail }) } };
  });
}
