import { heartbeat, activityInfo } from '@temporalio/activity';
import {
  cohortDecisions,
  packCandidates,
  unpackWrites,
  type CohortBatchV2,
  type CohortDecisionV1,
  type EntryWritesV2,
  type OpenCandidatesV2,
  type RoundEntryWriteV2,
  type RoundPhase,
  type RoundWindowsV1,
} from '../libs/contract';

/** The round's own report of where it stands, written to the `rounds` row the API and the public read. */
export interface RoundReport {
  roundId: string;
  phase: RoundPhase;
  windows: RoundWindowsV1;
  ceremonyDate: string | null;
}

/** A candidate of the round as the status projection shows it. */
export interface ReviewedCandidate {
  candidateId: string;
  scoreCenti: number | null;
}

/** What the round activities need from storage; the worker supplies the PostgreSQL-backed store. */
export interface RoundStore {
  /**
   * Writes the report; a change of phase is handed to `onPhaseChange` first, inside the write's own
   * transaction (its `query`), so the record and the change commit together, once.
   */
  saveRound(report: RoundReport, onPhaseChange?: (from: string | null, query: TxQuery) => Promise<unknown>): Promise<void>;
  /** The round's files that are still open: those with an expert score have completed expert review. */
  openCandidates(roundId: string): Promise<ReviewedCandidate[]>;
  /** Upserts the entries' rank, scores and outcome, and the reason as each entry says (see RoundEntryWriteV2). */
  saveEntries(roundId: string, entries: RoundEntryWriteV2[]): Promise<void>;
  /** The reasons the API stored under `reasonsId` for these candidates (FormalListV2). */
  storedReasons(reasonsId: string, candidateIds: string[]): Promise<Record<string, string>>;
  /** Accepted votes per candidate on the round's list. */
  votesByCandidate(roundId: string): Promise<Record<string, number>>;
  saveObjectionResolution(r: { objectionId: string; outcome: 'upheld' | 'dismissed'; reason: string; resolvedBy: string; resolvedAt: string }): Promise<void>;
}

/** Delivers a decision to a candidate's file; a file that has already finished is no longer listening. */
export type CohortMessenger = (candidateId: string, decision: CohortDecisionV1) => Promise<void>;

/** A file's expert score from its workflow, or null if its review is not complete (or it has ended). */
export type ScoreReader = (candidateId: string) => Promise<number | null>;

export interface CohortNotice {
  candidateId: string;
  decision: CohortDecisionV1;
}

/**
 * Requests in flight at once during a fan-out (the worker's `ROUND_FANOUT_PARALLEL`, default 20): more
 * delivers a batch sooner, fewer spares a busy Temporal frontend.
 */
/** Where the round's own steps (a window closing on its timer, the list frozen, the ceremony) are recorded: the audit trail. */
export type PhaseRecorder = (roundId: string, from: string | null, to: string, query: TxQuery) => Promise<unknown>;

/** A statement run inside a store's transaction. */
export type TxQuery = (sql: string, params?: unknown[]) => Promise<unknown>;

export function createRoundActivities(
  store: RoundStore,
  send: CohortMessenger,
  liveScore: ScoreReader = async () => null,
  parallel = 20,
  recordPhase: PhaseRecorder | null = null,
) {
  return {
    /** Projects the round's phase and windows; a change of phase is recorded in the same transaction. */
    async syncRound(report: RoundReport): Promise<void> {
      await store.saveRound(report, recordPhase ? (from, query) => recordPhase(report.roundId, from, report.phase, query) : undefined);
    },
    /**
     * The round's open files with their expert scores. The status projection trails each file by a
     * moment, so a file it shows without a score is asked directly: one whose last expert scored
     * just before the list was frozen is on it.
     */
    async openCandidates(roundId: string): Promise<OpenCandidatesV2> {
      const open = await store.openCandidates(roundId);
      const unscored = open.filter((c) => c.scoreCenti === null);
      for (let i = 0; i < unscored.length; i += parallel) {
        await Promise.all(unscored.slice(i, i + parallel).map(async (c) => (c.scoreCenti = await liveScore(c.candidateId))));
        heartbeat(i);
      }
      return packCandidates(open);
    },
    /** Entries packed (EntryWritesV2), or as objects from a round that scheduled the write before V2. */
    async saveEntries(req: { roundId: string; entries: EntryWritesV2 | RoundEntryWriteV2[] }): Promise<void> {
      await store.saveEntries(req.roundId, unpackWrites(req.entries));
    },
    async votesByCandidate(roundId: string): Promise<Record<string, number>> {
      return store.votesByCandidate(roundId);
    },
    async saveObjectionResolution(r: Parameters<RoundStore['saveObjectionResolution']>[0]): Promise<void> {
      await store.saveObjectionResolution(r);
    },
    /**
     * Fan-out: one activity signals a batch of files, so the round's own history grows by a few
     * events per batch, not per candidate. Progress is heartbeated; a retry resumes where the last
     * attempt stopped, and a file that receives a decision twice applies it once (by `seq`). With
     * `reasonsId` each file's reason is read from the reasons the API stored, not carried here. A
     * batch scheduled before V2 comes as one notice per file.
     */
    async notifyCohort(notices: CohortBatchV2 | CohortNotice[]): Promise<void> {
      const batch = Array.isArray(notices) ? notices : cohortDecisions(notices);
      const reasonsId = Array.isArray(notices) ? undefined : notices.reasonsId;
      const from = (activityInfo().heartbeatDetails as number | undefined) ?? 0;
      const reasons = reasonsId
        ? await store.storedReasons(
            reasonsId,
            batch.slice(from).map((n) => n.candidateId),
          )
        : {};
      const decision = (n: CohortNotice) => (reasons[n.candidateId] ? { ...n.decision, reason: reasons[n.candidateId] } : n.decision);
      for (let i = from; i < batch.length; i += parallel) {
        await Promise.all(batch.slice(i, i + parallel).map((n) => send(n.candidateId, decision(n))));
        heartbeat(Math.min(i + parallel, batch.length));
      }
    },
  };
}

export type RoundActivities = ReturnType<typeof createRoundActivities>;
