import type { MigrationInterface, QueryRunner } from 'typeorm';

const CERTIFICATES = `'junior_worker','intermediate_worker','senior_worker','technician','senior_technician'`;

/**
 * Training (训, the notice's 五(三) and 六(二)): the skill training bases (实训基地) at vocational schools,
 * training organisations and company training centres, their courses, each participant and the
 * certificate obtained; and the union's training fund — the share set aside each year and what was
 * spent — which the notice requires to grow year on year (保持逐年增长). Money in fen.
 */
export class Training1764395000001 implements MigrationInterface {
  name = 'Training1764395000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_bases (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('vocational_school','training_organisation','company_centre')),
        name text NOT NULL,
        address text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE training_courses (
        id uuid PRIMARY KEY,
        base_id uuid NOT NULL REFERENCES training_bases(id),
        title text NOT NULL,
        trade text NOT NULL,
        target_level text NOT NULL CHECK (target_level IN (${CERTIFICATES})),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        place text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX training_courses_base ON training_courses (base_id, starts_on)`);
    await q.query(`
      CREATE TABLE training_participants (
        id uuid PRIMARY KEY,
        -- Enrolment order, as the list was given.
        seq bigserial NOT NULL,
        course_id uuid NOT NULL REFERENCES training_courses(id),
        name text NOT NULL,
        employer text NOT NULL,
        outcome text NULL CHECK (outcome IN ('certified','not_certified','withdrew')),
        certificate text NULL CHECK (certificate IN (${CERTIFICATES})),
        certified_on date NULL,
        outcome_by text NULL,
        outcome_at timestamptz NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE WHEN outcome = 'certified' THEN certificate IS NOT NULL AND certified_on IS NOT NULL ELSE certificate IS NULL AND certified_on IS NULL END)
      )`);
    await q.query(`CREATE INDEX training_participants_course ON training_participants (course_id)`);
    await q.query(`
      CREATE TABLE training_fund_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        set_aside_fen bigint NOT NULL CHECK (set_aside_fen >= 0),
        basis text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE training_fund_spending (
        id uuid PRIMARY KEY,
        spent_on date NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        purpose text NOT NULL,
        course_id uuid NULL REFERENCES training_courses(id),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX training_fund_spending_on ON training_fund_spending (spent_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['training_fund_spending', 'training_fund_years', 'training_participants', 'training_courses', 'training_bases'])
      await q.query(`DROP TABLE ${table}`);
  }
}
