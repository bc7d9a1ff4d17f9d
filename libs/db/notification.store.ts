import type { DataSource } from 'typeorm';
import { NAME_SLOT, type FileFacts, type SealedRequest } from '../domain/notifications';

/** A query inside the caller's transaction (`tx.query`). */
export type Query = (sql: string, params?: unknown[]) => Promise<any>;

/**
 * Writes rows into the outbox inside the caller's transaction. The unique `dedupe_key` makes an event
 * enqueued twice (a retried activity, a repeated request) one row: the second insert does nothing.
 * An address given in clear is sealed here by `seal`; one already sealed (`contactCipher`) is copied.
 */
export async function enqueueNotifications(query: Query, rows: SealedRequest[], seal?: (plain: string) => string): Promise<number> {
  if (!rows.length) return 0;
  const records = rows.map((r) => {
    if (r.contact && !seal) throw new Error('an address must be sealed before it is stored');
    return {
      dedupe_key: r.key,
      kind: r.kind,
      channel: r.channel,
      recipient_issuer: r.to.issuer ?? null,
      recipient_user_id: r.to.userId ?? null,
      recipient_role: r.to.role ?? null,
      recipient_area: r.to.area ?? null,
      contact_cipher: r.contactCipher ?? (r.contact ? seal!(r.contact) : null),
      candidate_id: r.candidateId ?? null,
      round_id: r.roundId ?? null,
      text_zh: r.text,
    };
  });
  // One statement for the event's rows, whatever their number: the decision's transaction waits on it.
  const inserted: unknown[] = await query(
    `INSERT INTO notifications (dedupe_key, kind, channel, recipient_issuer, recipient_user_id, recipient_role, recipient_area,
       contact_cipher, candidate_id, round_id, text_zh)
     SELECT x.dedupe_key, x.kind, x.channel, x.recipient_issuer, x.recipient_user_id, x.recipient_role, x.recipient_area,
            x.contact_cipher, x.candidate_id, x.round_id, x.text_zh
       FROM jsonb_to_recordset($1::jsonb) AS x(dedupe_key text, kind text, channel text, recipient_issuer text, recipient_user_id text,
            recipient_role text, recipient_area text, contact_cipher text, candidate_id uuid, round_id uuid, text_zh text)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [JSON.stringify(records)],
  );
  return inserted.length;
}

/** The file as the outbox needs it, read in the same transaction. */
export async function fileFacts(query: Query, candidateId: string): Promise<FileFacts | null> {
  const [row] = await query(`SELECT id, channel, area, round_id, submitted_by, submitted_role, submitted_issuer, mobile_cipher FROM candidates WHERE id = $1`, [
    candidateId,
  ]);
  if (!row) return null;
  return {
    candidateId: row.id,
    channel: row.channel,
    area: row.area,
    roundId: row.round_id,
    submitter: { issuer: row.submitted_issuer, userId: row.submitted_by, role: row.submitted_role },
    mobileCipher: row.mobile_cipher,
  };
}

/** The row's text with the candidate's name put in (NAME_SLOT): the name is kept in `candidates` only. */
export const TEXT = `replace(n.text_zh, '${NAME_SLOT}', coalesce((SELECT c.name FROM candidates c WHERE c.id = n.candidate_id), ''))`;

/** A row claimed for sending. */
export interface OutgoingNotification {
  id: string;
  kind: string;
  channel: 'console' | 'sms' | 'email';
  contactCipher: string | null;
  text: string;
  attempts: number;
}

/**
 * The sender's side of the outbox. A claim takes due rows `FOR UPDATE SKIP LOCKED` (two senders never
 * take the same row) and moves their next attempt a lease ahead, so no transaction stays open while a
 * provider answers, and a row whose sender died is taken again when the lease runs out.
 */
export class NotificationOutbox {
  constructor(private readonly ds: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<OutgoingNotification[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.ds.query(
      `UPDATE notifications n SET attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
       FROM (SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE n.id = due.id
       RETURNING n.id, n.kind, n.channel, n.contact_cipher AS "contactCipher", ${TEXT} AS text, n.attempts`,
      [limit, leaseMs],
    );
    return rows as OutgoingNotification[];
  }

  async sent(id: string, via: string): Promise<void> {
    await this.ds.query(`UPDATE notifications SET status = 'sent', sent_via = $2, sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'pending'`, [id, via]);
  }

  /** Another try after `delayMs`, or failed for good: the error is kept (never the address). */
  async retryOrFail(id: string, error: string, delayMs: number | null): Promise<void> {
    await this.ds.query(
      `UPDATE notifications SET last_error = $2,
         status = CASE WHEN $3::float8 IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = CASE WHEN $3::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $3::float8 / 1000) END
       WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 500), delayMs],
    );
  }
}
