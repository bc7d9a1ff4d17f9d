import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection batches keep their membership history. Candidates already in a batch get a first entry
 * dated when their batch was made (who put them there was not kept: its creator is the best account).
 */
export class InspectionBatchMoves1764200000001 implements MigrationInterface {
  name = 'InspectionBatchMoves1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_batch_moves (
        id bigserial PRIMARY KEY,
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        from_batch_id uuid REFERENCES inspection_batches(id),
        to_batch_id uuid NOT NULL REFERENCES inspection_batches(id),
        moved_by text NOT NULL,
        role text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_batch_id IS DISTINCT FROM to_batch_id)
      )`);
    await q.query(`CREATE INDEX inspection_batch_moves_candidate ON inspection_batch_moves (candidate_id, at)`);
    await q.query(`CREATE INDEX inspection_batch_moves_to ON inspection_batch_moves (to_batch_id)`);
    await q.query(`CREATE INDEX inspection_batch_moves_from ON inspection_batch_moves (from_batch_id)`);
    await q.query(`CREATE INDEX inspection_batches_round ON inspection_batches (round_id, created_at DESC)`);
    await q.query(`CREATE INDEX candidates_inspection_batch ON candidates (inspection_batch_id)`);
    await q.query(`
      INSERT INTO inspection_batch_moves (candidate_id, from_batch_id, to_batch_id, moved_by, role, at)
      SELECT c.id, NULL, b.id, b.created_by, 'unknown', b.created_at
        FROM candidates c JOIN inspection_batches b ON b.id = c.inspection_batch_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX candidates_inspection_batch`);
    await q.query(`DROP INDEX inspection_batches_round`);
    await q.query(`DROP TABLE inspection_batch_moves`);
  }
}
