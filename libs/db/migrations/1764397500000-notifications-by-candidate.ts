import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications found by their file: the retention sweep deletes an erased file's SMS rows (their
 * sealed mobile) by `candidate_id`, which without an index reads the whole outbox for every batch.
 */
export class NotificationsByCandidate1764397500000 implements MigrationInterface {
  name = 'NotificationsByCandidate1764397500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notifications_candidate ON notifications (candidate_id) WHERE candidate_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_candidate`);
  }
}
