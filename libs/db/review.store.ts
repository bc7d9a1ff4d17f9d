import type { DataSource } from 'typeorm';
import type { AlertReport, ReviewStore, StatusReport } from '../../activities/review.activities';
import { notificationsForAlert, notificationsForEvents, statusEvents, type NotifyPolicy } from '../domain/notifications';
import { enqueueNotifications, fileFacts } from './notification.store';

/** What the outbox needs from the worker: who hears of what, and the cipher that seals an address. */
export interface ReviewNotifier {
  policy: NotifyPolicy;
  seal: (plain: string) => string;
}

/**
 * The status projection and the stage alerts, as the files' activities write them. Each write also enqueues what it tells people (a return, an outcome, a seated expert, a reminder or
 * an escalation) in its own transaction: the notification is there if and only if the write is.
 * The decision itself never waits for this: the workflow answers its Update before the report runs.
 */
export class ReviewRepository implements ReviewStore {
  constructor(
    private readonly ds: DataSource,
    private readonly notifier: ReviewNotifier,
  ) {}

  async saveStatus(r: StatusReport): Promise<void> {
    const notifier = this.notifier;
    await this.ds.transaction(async (tx) => {
      const q = (sql: string, params?: unknown[]) => tx.query(sql, params);
      // Locked, so the report written next compares against this one (reports of one file come in order; a retry may overlap).
      const [before] = await q(`SELECT stage, status, panel FROM candidate_status WHERE candidate_id = $1 FOR UPDATE`, [r.candidateId]);
      const written = await q(
        `INSERT INTO candidate_status (candidate_id, stage, status, due_at, score_centi, panel, seq, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (candidate_id) DO UPDATE
           SET stage = EXCLUDED.stage, status = EXCLUDED.status, due_at = EXCLUDED.due_at, score_centi = EXCLUDED.score_centi,
               panel = EXCLUDED.panel, seq = EXCLUDED.seq, updated_at = now()
           WHERE candidate_status.seq < EXCLUDED.seq
         RETURNING seq`,
        [r.candidateId, r.stage, r.status, r.dueAt, r.scoreCenti, JSON.stringify(r.panel), r.seq],
      );
      // An older or repeated report changes nothing, and so tells nobody anything; most reports tell
      // nobody anything either, and the file is read only for one that does.
      if (!written.length) return;
      const events = statusEvents({ before: before ?? null, after: r });
      if (!events.length) return;
      const file = await fileFacts(q, r.candidateId);
      if (file) await enqueueNotifications(q, notificationsForEvents(r.seq, events, file, notifier.policy), notifier.seal);
    });
  }

  async saveAlert(a: AlertReport): Promise<void> {
    const notifier = this.notifier;
    await this.ds.transaction(async (tx) => {
      const q = (sql: string, params?: unknown[]) => tx.query(sql, params);
      const raised = await q(
        `INSERT INTO stage_alerts (candidate_id, stage, kind, due_at, raised_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT DO NOTHING RETURNING 1`,
        [a.candidateId, a.stage, a.kind, a.dueAt],
      );
      // The alert was raised before (a retried activity): its notifications went in with it.
      if (!raised.length) return;
      const file = await fileFacts(q, a.candidateId);
      if (!file) return;
      const [status] = a.stage === 'expert_review' ? await q(`SELECT panel FROM candidate_status WHERE candidate_id = $1`, [a.candidateId]) : [];
      const experts = ((status?.panel ?? []) as Array<{ userId: string; status: string }>).filter((s) => s.status === 'assigned').map((s) => s.userId);
      await enqueueNotifications(q, notificationsForAlert({ ...a, experts }, file, notifier.policy), notifier.seal);
    });
  }
}
