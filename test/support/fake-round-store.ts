import { randomUUID } from 'node:crypto';
import type { ReviewedCandidate, RoundReport, RoundStore } from '../../activities';
import { CLOSED_STATUSES, type CandidateStatus, type RoundEntryV1, type RoundEntryWriteV2 } from '../../libs/contract';
import type { FakeReviewStore } from './fake-review-store';

/** In-memory stand-in for the round's tables, reading the files' status from the fake projection. */
export class FakeRoundStore implements RoundStore {
  readonly reports: RoundReport[] = [];
  /** `round_entries`: each round's rows by candidate, in the order first written. */
  readonly entries = new Map<string, Map<string, RoundEntryV1>>();
  /** `round_decision_reasons`: the reasons the API stores before a formal list by ids. */
  readonly reasons = new Map<string, Map<string, string>>();
  readonly resolutions: Array<{ objectionId: string; outcome: string }> = [];
  /** The files of each round, as the candidates table would list them. */
  readonly members = new Map<string, string[]>();
  votes: Record<string, number> = {};
  /** Extra candidates reported as reviewed, for large cohorts without files. */
  synthetic: ReviewedCandidate[] = [];

  constructor(private readonly review: FakeReviewStore) {}

  async saveRound(report: RoundReport) {
    this.reports.push(report);
  }

  async openCandidates(roundId: string) {
    const files = (this.members.get(roundId) ?? [])
      .map((id) => ({ id, report: this.review.status.get(id) }))
      .filter(({ report }) => !report || !CLOSED_STATUSES.includes(report.status as CandidateStatus))
      .map(({ id, report }) => ({ candidateId: id, scoreCenti: report?.scoreCenti ?? null }));
    return [...files, ...this.synthetic];
  }

  async saveEntries(roundId: string, entries: RoundEntryWriteV2[]) {
    const rows = this.entries.get(roundId) ?? new Map<string, RoundEntryV1>();
    this.entries.set(roundId, rows);
    for (const { reason, reasonsId, ...e } of entries) {
      const kept = rows.get(e.candidateId)?.reason ?? null;
      const given = reasonsId !== undefined ? (this.reasons.get(reasonsId)?.get(e.candidateId) ?? null) : reason;
      rows.set(e.candidateId, { ...e, reason: given === undefined ? kept : given });
    }
  }

  async storedReasons(reasonsId: string, candidateIds: string[]) {
    const stored = this.reasons.get(reasonsId);
    return Object.fromEntries(candidateIds.filter((id) => stored?.has(id)).map((id) => [id, stored!.get(id)!]));
  }

  /** What the API does before it sends a formal list by ids: stores its reasons, returning their id. */
  storeReasons(reasons: Array<{ candidateId: string; reason: string }>): string {
    const reasonsId = randomUUID();
    this.reasons.set(reasonsId, new Map(reasons.map((r) => [r.candidateId, r.reason])));
    return reasonsId;
  }

  /** A round's rows, in list order. */
  rows(roundId: string): RoundEntryV1[] {
    return [...(this.entries.get(roundId)?.values() ?? [])];
  }

  async votesByCandidate() {
    return this.votes;
  }

  async saveObjectionResolution(r: { objectionId: string; outcome: string }) {
    this.resolutions.push(r);
  }

  lastPhase(roundId: string) {
    return this.reports.filter((r) => r.roundId === roundId).at(-1)?.phase;
  }
}
