import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../roles';

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

export interface RoundEntryV1 {
  candidateId: string;
  /** Rank by expert score; ties share a rank. */
  rank: number;
  scoreCenti: number;
  votes: number | null;
  voteScoreCenti: number | null;
  combinedCenti: number | null;
  combinedRank: number | null;
  outcome: EntryOutcome | null;
  reason: string | null;
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
  /** Set when the round continues as new: where the previous run left it. */
  state?: RoundStateV1;
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

export interface RoundStateV1 {
  roundId: string;
  year: number;
  quota: number;
  phase: RoundPhase;
  windows: RoundWindowsV1;
  weights: RankingWeightsV1;
  /** Those still in individual stages when the list was frozen. */
  notShortlisted: string[];
  entries: RoundEntryV1[];
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

export interface FormalListV1 {
  selected: Array<{ candidateId: string; reason: string }>;
  leftOut: Array<{ candidateId: string; reason: string }>;
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
export type RoundSummaryV1 = Omit<RoundStateV1, 'entries' | 'notShortlisted'> & {
  listed: number;
  notShortlisted: number;
  outcomes: Partial<Record<EntryOutcome | 'standing', number>>;
};

export function roundSummary(state: RoundStateV1): RoundSummaryV1 {
  const { entries, notShortlisted, ...rest } = state;
  const outcomes: RoundSummaryV1['outcomes'] = {};
  for (const e of entries) outcomes[e.outcome ?? 'standing'] = (outcomes[e.outcome ?? 'standing'] ?? 0) + 1;
  return { ...rest, listed: entries.length, notShortlisted: notShortlisted.length, outcomes };
}

export const roundStateQuery = defineQuery<RoundStateV1>('roundState');
export const roundSummaryQuery = defineQuery<RoundSummaryV1>('roundSummary');
export const changePhaseUpdate = defineUpdate<RoundSummaryV1, [PhaseChangeV1]>('changePhase');
export const freezeReReviewListUpdate = defineUpdate<RoundSummaryV1, [ReReviewListV1]>('freezeReReviewList');
export const openVotingUpdate = defineUpdate<RoundSummaryV1, [OpenVotingV1]>('openVoting');
export const formalListUpdate = defineUpdate<RoundSummaryV1, [FormalListV1]>('approveFormalList');
export const startNoticeUpdate = defineUpdate<RoundSummaryV1, [StartNoticeV1]>('startPublicNotice');
export const fileObjectionUpdate = defineUpdate<ObjectionStateV1, [ObjectionFiledV1]>('fileObjection');
export const resolveObjectionUpdate = defineUpdate<ObjectionStateV1, [ObjectionResolutionV1]>('resolveObjection');
export const approvalUpdate = defineUpdate<RoundSummaryV1, [ApprovalV1]>('approveList');
export const ceremonyUpdate = defineUpdate<RoundSummaryV1, [CeremonyV1]>('holdCeremony');
export const fileClosedSignal = defineSignal<[FileClosedV1]>('fileClosed');
