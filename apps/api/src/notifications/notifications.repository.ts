import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TEXT } from '../../../../libs/db';
import type { TokenClaims } from '../../../../libs/security/token';

/** A notification as the centre reads it. */
export interface NotificationRow {
  id: string;
  kind: string;
  text: string;
  candidateId: string | null;
  roundId: string | null;
  createdAt: Date;
  read: boolean;
}

/**
 * The in-console rows addressed to the caller: to it by user id (and role and issuer, where the row
 * names them), or to its role (in its area, where the row names one). Read marks are per user, so
 * a row addressed to a role is read by each of its users on their own.
 */
const MINE = `n.channel = 'console' AND (
    (n.recipient_user_id = $1 AND (n.recipient_role IS NULL OR n.recipient_role = $2) AND (n.recipient_issuer IS NULL OR n.recipient_issuer = $3))
    OR (n.recipient_user_id IS NULL AND n.recipient_role = $2 AND (n.recipient_area IS NULL OR n.recipient_area = $4)))`;
const READ = `EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.reader_issuer = $3 AND r.reader_user_id = $1)`;
const COLUMNS = `n.id, n.kind, ${TEXT} AS text, n.candidate_id AS "candidateId", n.round_id AS "roundId", n.created_at AS "createdAt", ${READ} AS read`;

const whoOf = (c: TokenClaims) => [c.sub, c.role, c.iss, c.area ?? null];

@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  newest(claims: TokenClaims, limit: number): Promise<NotificationRow[]> {
    return this.ds.query(`SELECT ${COLUMNS} FROM notifications n WHERE ${MINE} ORDER BY n.created_at DESC, n.id LIMIT $5`, [...whoOf(claims), limit]);
  }

  async counts(claims: TokenClaims): Promise<{ total: number; unread: number }> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE NOT ${READ})::int AS unread FROM notifications n WHERE ${MINE}`,
      whoOf(claims),
    );
    return row;
  }

  /** Marks one of the caller's notifications read (again: no change); null when it is not the caller's. */
  async markRead(claims: TokenClaims, id: string): Promise<NotificationRow | null> {
    const [row] = await this.ds.query(`SELECT ${COLUMNS} FROM notifications n WHERE n.id = $5 AND ${MINE}`, [...whoOf(claims), id]);
    if (!row) return null;
    await this.ds.query(`INSERT INTO notification_reads (notification_id, reader_issuer, reader_user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      id,
      claims.iss,
      claims.sub,
    ]);
    return { ...row, read: true };
  }

  /** Marks every notification of the caller read. */
  async markAllRead(claims: TokenClaims): Promise<void> {
    await this.ds.query(
      `INSERT INTO notification_reads (notification_id, reader_issuer, reader_user_id)
       SELECT n.id, $3, $1 FROM notifications n WHERE ${MINE} ON CONFLICT DO NOTHING`,
      whoOf(claims),
    );
  }
}
