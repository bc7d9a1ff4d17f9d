import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The named masters' benefits besides the money (the notice's 六(二) 建立奖励机制): one recuperation trip,
 * priority recommendation as district model worker, for technician / senior technician qualification
 * and for district and city talent awards, and priority for their children's compulsory-education
 * school places. One row per master and benefit, a task for the body that grants it:
 * offered → taken_up | declined, taken_up → granted, each step dated (YYYY-MM-DD, Asia/Shanghai) and
 * kept in `events`.
 */
export class MasterBenefits1764395000002 implements MigrationInterface {
  name = 'MasterBenefits1764395000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE master_benefits (
        id uuid PRIMARY KEY,
        candidate_id uuid NOT NULL REFERENCES candidates(id),
        kind text NOT NULL CHECK (kind IN ('recuperation_trip','model_worker_recommendation','qualification_recommendation','talent_award_recommendation','school_place_priority')),
        granting_body text NOT NULL,
        status text NOT NULL CHECK (status IN ('offered','taken_up','declined','granted')),
        offered_on date NOT NULL,
        taken_up_on date NULL,
        declined_on date NULL,
        granted_on date NULL,
        events jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (candidate_id, kind)
      )`);
    await q.query(`CREATE INDEX master_benefits_status ON master_benefits (status, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE master_benefits`);
  }
}
