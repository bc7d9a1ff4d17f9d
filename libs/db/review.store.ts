import type { DataSource } from 'typeorm';
import type { AlertReport, ReviewStore, StatusReport } from '../../activities/review.activities';

export class ReviewRepository implements ReviewStore {
  constructor(private readonly ds: DataSource) {}

  async saveStatus(r: StatusReport): Promise<void> {
    await this.ds.query(
      `INSERT INTO candidate_status (candidate_id, stage, status, due_at, score_centi, panel, seq, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (candidate_id) DO UPDATE
         SET stage = EXCLUDED.stage, status = EXCLUDED.status, due_at = EXCLUDED.due_at, score_centi = EXCLUDED.score_centi,
             panel = EXCLUDED.panel, seq = EXCLUDED.seq, updated_at = now()
         WHERE candidate_status.seq < EXCLUDED.seq`,
      [r.candidateId, r.stage, r.status, r.dueAt, r.scoreCenti, JSON.stringify(r.panel), r.seq],
    );
  }

  async saveAlert(a: AlertReport): Promise<void> {
    await this.ds.query(
      `INSERT INTO stage_alerts (candidate_id, stage, kind, due_at, raised_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT DO NOTHING`,
      [a.candidateId, a.stage, a.kind, a.dueAt],
    );
  }
}
