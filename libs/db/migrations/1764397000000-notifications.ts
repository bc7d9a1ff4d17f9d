import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox (README "Notifications"): one row per message to one recipient through one
 * channel, written in the transaction of the event it tells of (or idempotently by `dedupe_key`), sent
 * later by the worker's sender. A recipient is a user (issuer, user id, role) or a role in an area;
 * an SMS or e-mail row also carries the address, sealed like other personal data (`contact_cipher`).
 * Reads are per user (`notification_reads`): a row addressed to a role is read by each of its users.
 */
export class Notifications1764397000000 implements MigrationInterface {
  name = 'Notifications1764397000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('returned','outcome','reminder','escalation','assignment')),
        channel text NOT NULL CHECK (channel IN ('console','sms','email')),
        recipient_issuer text NULL,
        recipient_user_id text NULL,
        recipient_role text NULL,
        recipient_area text NULL,
        contact_cipher text NULL,
        candidate_id uuid NULL,
        round_id uuid NULL,
        text_zh text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text NULL,
        sent_via text NULL,
        sent_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (recipient_user_id IS NOT NULL OR recipient_role IS NOT NULL),
        CHECK ((channel = 'console') = (contact_cipher IS NULL))
      )`);
    await q.query(`CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX notifications_user ON notifications (recipient_user_id, created_at DESC) WHERE channel = 'console'`);
    await q.query(`CREATE INDEX notifications_role ON notifications (recipient_role, created_at DESC) WHERE channel = 'console' AND recipient_user_id IS NULL`);
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        reader_issuer text NOT NULL,
        reader_user_id text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, reader_issuer, reader_user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_reads`);
    await q.query(`DROP TABLE notifications`);
  }
}
