import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments sealed at rest, and the retention of not-named candidates' sensitive data (PIPL art. 19,
 * README "Retention"):
 * - `attachments.sealed`: whether `content` is sealed by PiiCipher (`v1.`/`s1.` + key id). Rows stored
 *   before are in clear and stay readable (`false`); `npm run attachments:seal` seals them, since a
 *   migration holds no keys. `erased_at` marks content erased by the retention sweep (`content` null).
 * - `candidates.erased_at`: when the retention sweep erased the ID number, mobile and address; the
 *   ciphers become null and the blind index a marker that matches nobody (`erased:<id>`).
 * - `rounds.closed_at`: when the round reached phase `closed`, from which retention counts. A round
 *   already closed is dated now: retention never starts earlier than the service could know.
 */
export class SealedAttachmentsRetention1764370000000 implements MigrationInterface {
  name = 'SealedAttachmentsRetention1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments ADD COLUMN sealed boolean NOT NULL DEFAULT false, ADD COLUMN erased_at timestamptz NULL, ALTER COLUMN content DROP NOT NULL`);
    await q.query(`ALTER TABLE attachments ADD CONSTRAINT attachments_content_or_erased CHECK ((content IS NULL) = (erased_at IS NOT NULL))`);
    await q.query(`ALTER TABLE candidates ADD COLUMN erased_at timestamptz NULL, ALTER COLUMN id_number_cipher DROP NOT NULL`);
    await q.query(`ALTER TABLE candidates ADD CONSTRAINT candidates_id_number_or_erased CHECK (id_number_cipher IS NOT NULL OR erased_at IS NOT NULL)`);
    await q.query(`ALTER TABLE rounds ADD COLUMN closed_at timestamptz NULL`);
    await q.query(`UPDATE rounds SET closed_at = now() WHERE phase = 'closed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rounds DROP COLUMN closed_at`);
    await q.query(`ALTER TABLE candidates DROP CONSTRAINT candidates_id_number_or_erased`);
    await q.query(`ALTER TABLE candidates DROP COLUMN erased_at`);
    await q.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_content_or_erased`);
    await q.query(`ALTER TABLE attachments DROP COLUMN erased_at, DROP COLUMN sealed`);
  }
}
