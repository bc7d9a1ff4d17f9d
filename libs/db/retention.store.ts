import type { DataSource } from 'typeorm';
import type { RetentionStore } from '../../activities/retention.activities';
import { NOT_NAMED_STATUSES } from '../contract';

/**
 * The erasure at the end of retention, in PostgreSQL. A file is due when it is closed without
 * commendation (NOT_NAMED_STATUSES, never `commended` on a round's list, never paid) and the retention
 * period has passed since its round closed (`rounds.closed_at`); a file in no round, or in a round from
 * before rounds ran as workflows (no `closed_at` will ever come), counts from its own closing (the last
 * status its workflow reported). Each batch is one transaction over rows locked SKIP LOCKED, and an
 * erased file is never picked again, so the sweep is idempotent and may run twice at once.
 */
export class RetentionRepository implements RetentionStore {
  constructor(private readonly ds: DataSource) {}

  async eraseExpired(retentionMs: number, batchSize: number): Promise<string[]> {
    return this.ds.transaction(async (tx) => {
      const due: Array<{ id: string }> = await tx.query(
        `SELECT c.id
           FROM candidates c
           JOIN candidate_status s ON s.candidate_id = c.id
           LEFT JOIN rounds r ON r.id = c.round_id
          WHERE c.erased_at IS NULL
            AND s.status = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM round_entries e WHERE e.candidate_id = c.id AND e.outcome = 'commended')
            AND NOT EXISTS (SELECT 1 FROM payment_tasks p WHERE p.candidate_id = c.id)
            AND CASE WHEN c.round_id IS NULL OR r.workflow_id IS NULL THEN s.updated_at ELSE r.closed_at END
                <= now() - make_interval(secs => $2::double precision / 1000)
          ORDER BY c.id
          LIMIT $3
          FOR UPDATE OF c SKIP LOCKED`,
        [NOT_NAMED_STATUSES, retentionMs, batchSize],
      );
      const ids = due.map((d) => d.id);
      if (!ids.length) return ids;
      // The blind index becomes a marker that matches no one (and stays unique per file), so the person
      // can neither be found by their ID number nor be refused a nomination in a later round.
      await tx.query(
        `UPDATE candidates
            SET id_number_cipher = NULL, id_number_index = 'erased:' || id, mobile_cipher = NULL, home_address_cipher = NULL,
                bank_account_cipher = NULL, erased_at = now()
          WHERE id = ANY($1)`,
        [ids],
      );
      // Each version's sealed copies of the sensitive fields; the rest of the form stays as submitted.
      await tx.query(`UPDATE candidate_versions SET form = form - 'sealed' WHERE candidate_id = ANY($1) AND form ? 'sealed'`, [ids]);
      await tx.query(`UPDATE attachments SET content = NULL, sealed = false, erased_at = now() WHERE candidate_id = ANY($1) AND erased_at IS NULL`, [ids]);
      // An SMS to a self-nominated candidate kept the sealed mobile: it goes too (other rows hold no address of the candidate's).
      await tx.query(`DELETE FROM notifications WHERE candidate_id = ANY($1) AND channel = 'sms'`, [ids]);
      return ids;
    });
  }
}
