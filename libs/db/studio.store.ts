import type { DataSource } from 'typeorm';
import type { StudioReport, StudioStore } from '../../activities/studio.activities';

/** The studio workflow's record of itself: a report is written only over an older one, so a retry or a late report never goes back. */
export class StudioRepository implements StudioStore {
  constructor(private readonly ds: DataSource) {}

  async syncStudio({ studioId, seq, state }: StudioReport): Promise<void> {
    await this.ds.query(`UPDATE studios SET seq = $2, status = $3, state = $4, named_on = $5, grant_task_id = $6, updated_at = now() WHERE id = $1 AND seq < $2`, [
      studioId,
      seq,
      state.status,
      JSON.stringify(state),
      state.namedOn,
      state.grant?.taskId ?? null,
    ]);
  }
}
