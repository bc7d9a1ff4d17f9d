import { condition } from '@temporalio/workflow';
import type { StatusReport } from '../activities/review.activities';
import type { CandidateStateV2 } from '../libs/contract';

/**
 * Reports a candidate's state to the database (the `candidate_status` table the inbox and lists
 * read), in order: each change bumps `seq`, one pump writes the latest state whenever it is behind.
 * The sequence carries over continue-as-new, so a new run's reports sort after the old run's.
 */
export class StatusProjection {
  private seq: number;
  private synced: number;

  constructor(
    private readonly candidateId: string,
    private readonly state: CandidateStateV2,
    private readonly sync: (report: StatusReport) => Promise<void>,
    startSeq = 0,
  ) {
    this.seq = startSeq;
    this.synced = startSeq;
  }

  changed(): void {
    this.seq++;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Runs for the life of the run; a run ends only after `flushed()`. */
  start(): void {
    void this.pump();
  }

  flushed(): boolean {
    return this.synced === this.seq;
  }

  private async pump(): Promise<void> {
    for (;;) {
      await condition(() => this.seq > this.synced);
      const seq = this.seq;
      const s = this.state;
      await this.sync({
        candidateId: this.candidateId,
        seq,
        stage: String(s.stage),
        status: s.status,
        dueAt: s.dueAt,
        scoreCenti: s.expertScore?.scoreCenti ?? null,
        panel: s.panel.map((seat) => ({ userId: seat.userId, status: seat.status })),
      });
      this.synced = seq;
    }
  }
}
