import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A studio's own bank account (its host unit's, 依托单位): its grant is paid there, not to the master.
 * The same columns as a master's account on `candidates`, the number sealed by the PII cipher.
 */
export class StudioBankAccount1764396000000 implements MigrationInterface {
  name = 'StudioBankAccount1764396000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE studios
      ADD COLUMN bank_name text NULL,
      ADD COLUMN bank_account_cipher text NULL,
      ADD COLUMN bank_account_name text NULL,
      ADD COLUMN bank_account_by text NULL,
      ADD COLUMN bank_account_at timestamptz NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE studios DROP COLUMN bank_name, DROP COLUMN bank_account_cipher, DROP COLUMN bank_account_name,
      DROP COLUMN bank_account_by, DROP COLUMN bank_account_at`);
  }
}
