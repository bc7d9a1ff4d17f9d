import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The submitter is an identity — issuer, subject and role — not a subject alone. Files nominated
 * before tokens named their issuer keep NULL and are matched on subject and role.
 */
export class SubmitterIssuer1764345000000 implements MigrationInterface {
  name = 'SubmitterIssuer1764345000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates ADD COLUMN submitted_issuer text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE candidates DROP COLUMN submitted_issuer`);
  }
}
