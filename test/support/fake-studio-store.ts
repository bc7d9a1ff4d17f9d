import type { PaymentTaskRequest, PaymentTaskStore, StudioReport, StudioStore } from '../../activities';

/**
 * In-memory stand-in for the `studios` rows and the grants' payment instructions, for workflow tests.
 * `loseReplies` makes the next grant creations write the instruction and then fail, as a worker that
 * dies after the insert commits would: the activity's retry must find that instruction, not add one.
 */
export class FakeStudioStore implements StudioStore, PaymentTaskStore {
  /** Every report, in the order written, by studio. */
  readonly reports = new Map<string, StudioReport[]>();
  readonly grants = new Map<string, PaymentTaskRequest & { taskId: string }>();
  grantCalls = 0;
  loseReplies = 0;

  async syncStudio(report: StudioReport): Promise<void> {
    const list = this.reports.get(report.studioId) ?? [];
    // As the UPDATE … WHERE seq < $seq: a report older than the row's is dropped.
    if (!list.length || list[list.length - 1].seq < report.seq) list.push(structuredClone(report));
    this.reports.set(report.studioId, list);
  }

  async createOnce(req: PaymentTaskRequest): Promise<{ taskId: string; created: boolean }> {
    this.grantCalls++;
    const key = `${req.candidateId}/${req.studioId}/${req.kind}/${req.instalment}`;
    const existing = this.grants.get(key);
    if (!existing) this.grants.set(key, { ...req, taskId: `grant-${this.grants.size + 1}` });
    if (this.loseReplies > 0) {
      this.loseReplies--;
      throw new Error('connection lost after the instruction was written');
    }
    return { taskId: this.grants.get(key)!.taskId, created: !existing };
  }

  grantsOf(studioId: string) {
    return [...this.grants.values()].filter((g) => g.studioId === studioId);
  }

  lastReport(studioId: string): StudioReport | undefined {
    const list = this.reports.get(studioId);
    return list?.[list.length - 1];
  }
}
