import type { AlertReport, ReviewStore, StatusReport } from '../../activities';

/** In-memory stand-in for the status projection and the alerts table, with their rules. */
export class FakeReviewStore implements ReviewStore {
  readonly status = new Map<string, StatusReport>();
  readonly alerts: AlertReport[] = [];

  async saveStatus(r: StatusReport) {
    const current = this.status.get(r.candidateId);
    if (!current || current.seq < r.seq) this.status.set(r.candidateId, r);
  }

  async saveAlert(a: AlertReport) {
    if (!this.alerts.some((x) => x.candidateId === a.candidateId && x.stage === a.stage && x.kind === a.kind)) this.alerts.push(a);
  }

  alertsFor(candidateId: string) {
    return this.alerts.filter((a) => a.candidateId === candidateId);
  }
}
