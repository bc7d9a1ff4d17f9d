import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../roles';
import type { RoundCarryV2 } from './carry';

/**
 * The annual round's phases (附件1), in order. Each phase with a window can be closed early or
 * extended by the programme office, always with a reason the round's history keeps.
 */
export const ROUND_PHASES = [
  'nominating',
  'reviewing', // qualification, inspection, expert review: per candidate
  're_review_list', // 复审名单 frozen; voting not yet open
  'voting', // 网络投票
  'leadership_review', // 领导小组审核 → 正式候选名单
  'public_notice', // 社会公示
  'government_approval', // 报区政府审定
  'commendation', // 表彰
  'closed',
] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/** What became of a candidate on the re-review list. */
export type EntryOutcome = 'selected' | 'left_out' | 'disqualified' | 'approved' | 'not_approved' | 'commended' | 'withdrawn';

/**
 * An entry of the re-review list as the round holds it: only what it decides with. The reason given
 * for each outcome is in `round_entries` (thousands of reasons would outgrow Temporal's 2 MB payloads).
 */
export interface RoundEntryV2 {
  candidateId: string;
  /** Rank by expert score; ties share a rank. */
  rank: number;
  scoreCenti: number;
  votes: number | null;
  voteScoreCenti: number | null;
  combinedCenti: number | null;
  combinedRank: number | null;
  outcome: EntryOutcome | null;
}

/** An entry as rounds before V2 kept it, reason included (still met in their continue-as-new input). */
export interface RoundEntryV1 extends RoundEntryV2 {
  reason: string | null;
}

/**
 * An entry as the round writes it to `round_entries`: with `reason` when its outcome changed (null
 * clears it), or `reasonsId` when the reason is one the API stored for a request (see FormalListV2);
 * with neither, the row keeps its reason (a re-ranking).
 */
export interface RoundEntryWriteV2 extends RoundEntryV2 {
  reason?: string | null;
  reasonsId?: string;
}

/** Weights of the leadership group's ranking, in percent (default 70 expert, 30 vote). */
export interface RankingWeightsV1 {
  expert: number;
  vote: number;
}

export interface RoundInputV1 {
  roundId: string;
  year: number;
  quota: number;
  nominationOpensAt: string; // ISO instants
  nominationClosesAt: string;
  reviewClosesAt: string;
  votingDays: number;
  publicNoticeMs: number;
  weights: RankingWeightsV1;
  /** Set when the round continues as new: where the previous run left it (packed since V2). */
  state?: RoundStateV1 | RoundCarryV2;
}

export interface RoundWindowsV1 {
  nominationOpensAt: string;
  nominationClosesAt: string;
  reviewClosesAt: string;
  votingOpensAt: string | null;
  votingClosesAt: string | null;
  noticeStartsAt: string | null;
  noticeEndsAt: string | null;
  ceremonyAt: string | null;
}

export interface RoundActionRecord {
  phase: RoundPhase;
  action: string;
  reason: string;
  actor: Actor;
  at: string;
  until?: string;
}

export interface ObjectionStateV1 {
  objectionId: string;
  candidateId: string;
  filedAt: string;
  status: 'open' | 'upheld' | 'dismissed';
  reason?: string;
  resolvedBy?: Actor;
  resolvedAt?: string;
}

/** The round's state before V2: every entry with its reason, and the not-shortlisted by name. */
export interface RoundStateV1 extends Omit<RoundStateV2, 'entries' | 'notShortlisted'> {
  notShortlisted: string[];
  entries: RoundEntryV1[];
}

/** The round's state, kept small whatever the cohort: per entry only what the round decides with. */
export interface RoundStateV2 {
  roundId: string;
  year: number;
  quota: number;
  phase: RoundPhase;
  windows: RoundWindowsV1;
  weights: RankingWeightsV1;
  /** How many files were still in individual stages when the list was frozen. */
  notShortlisted: number;
  entries: RoundEntryV2[];
  objections: ObjectionStateV1[];
  ceremony: { date: string; place: string | null } | null;
  /** Every office, leadership and government action on the round, with its reason. */
  actions: RoundActionRecord[];
  /** Bumped for each cohort decision sent to the files, so a file applies each once. */
  cohortSeq: number;
}

export interface PhaseChangeV1 {
  action: 'close' | 'extend';
  until?: string;
  reason: string;
  actor: Actor;
}

/** The candidates the office found (from the status projection) when it froze the list. */
export interface ReReviewListV1 {
  size?: number;
  reason: string;
  actor: Actor;
}

export interface OpenVotingV1 {
  closesAt?: string;
  reason: string;
  actor: Actor;
}

/** The formal list with its reasons inline: kept for the histories that hold it; the API sends V2. */
export interface FormalListV1 {
  selected: Array<{ candidateId: string; reason: string }>;
  leftOut: Array<{ candidateId: string; reason: string }>;
  actor: Actor;
}

/**
 * The formal list by candidate id. A re-review list of 10,000 carries ~10,000 reasons of up to 1,000
 * characters: far over Temporal's 2 MB payload limit. So the API first stores every reason in
 * `round_decision_reasons` under `reasonsId`, and the round copies them from there when it writes
 * the entries and tells the files; a refused list leaves no reason behind (the API deletes them).
 */
export interface FormalListV2 {
  selected: string[];
  leftOut: string[];
  reasonsId: string;
  actor: Actor;
}

export interface StartNoticeV1 {
  reason: string;
  actor: Actor;
}

export interface ObjectionFiledV1 {
  objectionId: string;
  candidateId: string;
}

export interface ObjectionResolutionV1 {
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  reason: string;
  actor: Actor;
}

export interface ApprovalV1 {
  approved: string[];
  notApproved: Array<{ candidateId: string; reason: string }>;
  actor: Actor;
}

export interface CeremonyV1 {
  date: string; // YYYY-MM-DD, Asia/Shanghai
  place?: string;
  reason: string;
  actor: Actor;
}

/** A file of the round closed on its own (withdrawn or disqualified individually). */
export interface FileClosedV1 {
  candidateId: string;
  kind: 'withdrawn' | 'disqualified';
}

/**
 * What the round's Updates answer and the API shows: everything but the per-candidate lists, which
 * can run to thousands (they are in `round_entries`), with their counts.
 */
export type RoundSummaryV1 = Omit<RoundStateV2, 'entries'> & {
  listed: number;
  outcomes: Partial<Record<EntryOutcome | 'standing', number>>;
};

export function roundSummary(state: RoundStateV2): RoundSummaryV1 {
  const { entries, ...rest } = state;
  const outcomes: RoundSummaryV1['outcomes'] = {};
  for (const e of entries) outcomes[e.outcome ?? 'standing'] = (outcomes[e.outcome ?? 'standing'] ?? 0) + 1;
  return { ...rest, listed: entries.length, outcomes };
}

// The whole state is not queryable: at 10,000 entries it is megabytes. The entries are in `round_entries`.
export const roundSummaryQuery = defineQuery<RoundSummaryV1>('roundSummary');
export const changePhaseUpdate = defineUpdate<RoundSummaryV1, [PhaseChangeV1]>('changePhase');
export const freezeReReviewListUpdate = defineUpdate<RoundSummaryV1, [ReReviewListV1]>('freezeReReviewList');
export const openVotingUpdate = defineUpdate<RoundSummaryV1, [OpenVotingV1]>('openVoting');
export const formalListUpdate = defineUpdate<RoundSummaryV1, [FormalListV1]>('approveFormalList');
export const formalListV2Update = defineUpdate<RoundSummaryV1, [FormalListV2]>('approveFormalListV2');
export const startNoticeUpdate = defineUpdate<RoundSummaryV1, [StartNoticeV1]>('startPublicNotice');
export const fileObjectionUpdate = defineUpdate<ObjectionStateV1, [ObjectionFiledV1]>('fileObjection');
export const resolveObjectionUpdate = defineUpdate<ObjectionStateV1, [ObjectionResolutionV1]>('resolveObjection');
export const approvalUpdate = defineUpdate<RoundSummaryV1, [ApprovalV1]>('approveList');
export const ceremonyUpdate = defineUpdate<RoundSummaryV1, [CeremonyV1]>('holdCeremony');
export const fileClosedSignal = defineSignal<[FileClosedV1]>('fileClosed');
