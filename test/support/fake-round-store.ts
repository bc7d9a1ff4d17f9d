import type { ReviewedCandidate, RoundReport, RoundStore } from '../../activities';
import { CLOSED_STATUSES, type CandidateStatus, type RoundEntryV1 } from '../../libs/contract';
import type { FakeReviewStore } from './fake-review-store';

/** In-memory stand-in for the round's tables, reading the files' status from the fake projection. */
export class FakeRoundStore implements RoundStore {
  readonly reports: RoundReport[] = [];
  readonly entries = new Map<string, RoundEntryV1>();
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

  async saveEntries(_roundId: string, entries: RoundEntryV1[]) {
    for (const e of entries) this.entries.set(e.candidateId, e);
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
