import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'id_proof','years_proof','skill_certificate','honour','achievement_proof','other'`;

/**
 * The candidate's signed consent to the processing of their sensitive personal information (PIPL art.
 * 29) is a document of its own kind; the file points at the latest one, so qualification's pre-checks
 * show whether it is there without reading the attachments.
 */
export class ConsentDocuments1764360000000 implements MigrationInterface {
  name = 'ConsentDocuments1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_kind_check, ADD CONSTRAINT attachments_kind_check CHECK (kind IN (${KINDS},'consent'))`);
    await q.query(`ALTER TABLE candidates ADD COLUMN consent_document_id uuid NULL REFERENCES attachments(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates DROP COLUMN consent_document_id`);
    await q.query(`UPDATE attachments SET kind = 'other' WHERE kind = 'consent'`);
    await q.query(`ALTER TABLE attachments DROP CONSTRAINT attachments_kind_check, ADD CONSTRAINT attachments_kind_check CHECK (kind IN (${KINDS}))`);
  }
}
