import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateBaseDto, CreateCourseDto, ParticipantInputDto, ParticipantOutcomeDto } from './training.dto';
import type { BaseSummaryDto, CourseSummaryDto, ParticipantDto, TrainingReportDto } from './training-views.dto';

type BaseRow = Omit<BaseSummaryDto, 'courses' | 'participants'>;
type CourseRow = Omit<CourseSummaryDto, 'participants' | 'certified'>;

const COURSE_COLUMNS = `c.id, c.base_id AS "baseId", c.title, c.trade, c.target_level AS "targetLevel",
  to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn", c.place`;

const tally = (rows: Array<{ key: string; n: number }>) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

/** Training bases, their courses and participants, and the training fund's own rows. */
@Injectable()
export class TrainingRepository {
  constructor(private readonly ds: DataSource) {}

  async insertBase(id: string, b: CreateBaseDto, by: string): Promise<void> {
    await this.ds.query(`INSERT INTO training_bases (id, kind, name, address, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [id, b.kind, b.name, b.address, by]);
  }

  listBases(): Promise<BaseSummaryDto[]> {
    return this.ds.query(
      `SELECT b.id, b.kind, b.name, b.address,
              (SELECT count(*)::int FROM training_courses c WHERE c.base_id = b.id) AS courses,
              (SELECT count(*)::int FROM training_participants p JOIN training_courses c ON c.id = p.course_id WHERE c.base_id = b.id) AS participants
         FROM training_bases b ORDER BY b.kind, b.name, b.id`,
    );
  }

  async findBase(id: string): Promise<BaseRow | null> {
    const [row] = (await this.ds.query(`SELECT id, kind, name, address FROM training_bases WHERE id = $1`, [id])) as BaseRow[];
    return row ?? null;
  }

  coursesOf(baseId: string): Promise<CourseSummaryDto[]> {
    return this.ds.query(
      `SELECT ${COURSE_COLUMNS},
              (SELECT count(*)::int FROM training_participants p WHERE p.course_id = c.id) AS participants,
              (SELECT count(*)::int FROM training_participants p WHERE p.course_id = c.id AND p.outcome = 'certified') AS certified
         FROM training_courses c WHERE c.base_id = $1 ORDER BY c.starts_on, c.id`,
      [baseId],
    );
  }

  async insertCourse(id: string, baseId: string, c: CreateCourseDto, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO training_courses (id, base_id, title, trade, target_level, starts_on, ends_on, place, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, baseId, c.title, c.trade, c.targetLevel, c.startsOn, c.endsOn, c.place, by],
    );
  }

  async findCourse(id: string, tx: EntityManager = this.ds.manager, lock = false): Promise<CourseRow | null> {
    const [row] = (await tx.query(`SELECT ${COURSE_COLUMNS} FROM training_courses c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as CourseRow[];
    return row ?? null;
  }

  participantsOf(courseId: string): Promise<ParticipantDto[]> {
    return this.ds.query(
      `SELECT id, name, employer, outcome, certificate, to_char(certified_on, 'YYYY-MM-DD') AS "certifiedOn"
         FROM training_participants WHERE course_id = $1 ORDER BY seq`,
      [courseId],
    );
  }

  async insertParticipants(tx: EntityManager, courseId: string, people: Array<ParticipantInputDto & { id: string }>, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO training_participants (id, course_id, name, employer, recorded_by)
       SELECT x.id, $2, x.name, x.employer, $3 FROM ROWS FROM (json_to_recordset($1::json) AS (id uuid, name text, employer text)) WITH ORDINALITY AS x(id, name, employer, n) ORDER BY x.n`,
      [JSON.stringify(people), courseId, by],
    );
  }

  /** Records the participant's outcome; false when the course has no such participant. */
  async setOutcome(courseId: string, participantId: string, o: ParticipantOutcomeDto, by: string): Promise<boolean> {
    const rows = (await this.ds.query(
      `UPDATE training_participants SET outcome = $3, certificate = $4, certified_on = $5, outcome_by = $6, outcome_at = now()
        WHERE id = $2 AND course_id = $1 RETURNING id`,
      [courseId, participantId, o.outcome, o.certificate ?? null, o.certifiedOn ?? null, by],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  async courseExists(id: string): Promise<boolean> {
    return ((await this.ds.query(`SELECT 1 FROM training_courses WHERE id = $1`, [id])) as unknown[]).length > 0;
  }

  async upsertSetAside(year: number, fen: number, basis: string | null, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO training_fund_years (year, set_aside_fen, basis, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET set_aside_fen = EXCLUDED.set_aside_fen, basis = EXCLUDED.basis, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [year, fen, basis, by],
    );
  }

  async insertSpending(id: string, s: { spentOn: string; amountFen: number; purpose: string; courseId: string | null }, by: string): Promise<void> {
    await this.ds.query(`INSERT INTO training_fund_spending (id, spent_on, amount_fen, purpose, course_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      s.spentOn,
      s.amountFen,
      s.purpose,
      s.courseId,
      by,
    ]);
  }

  /** Courses starting in the year, their places, and the certificates issued in it. */
  async report(year: number): Promise<TrainingReportDto> {
    const [[totals], byKind, certificates] = (await Promise.all([
      this.ds.query(
        `SELECT count(DISTINCT c.id)::int AS courses, count(p.id)::int AS participants
           FROM training_courses c LEFT JOIN training_participants p ON p.course_id = c.id WHERE extract(year FROM c.starts_on) = $1`,
        [year],
      ),
      this.ds.query(
        `SELECT b.kind AS key, count(*)::int AS n FROM training_courses c JOIN training_bases b ON b.id = c.base_id WHERE extract(year FROM c.starts_on) = $1 GROUP BY 1`,
        [year],
      ),
      this.ds.query(
        `SELECT certificate AS key, count(*)::int AS n FROM training_participants WHERE outcome = 'certified' AND extract(year FROM certified_on) = $1 GROUP BY 1`,
        [year],
      ),
    ])) as [Array<{ courses: number; participants: number }>, Array<{ key: string; n: number }>, Array<{ key: string; n: number }>];
    return { year, courses: totals.courses, participants: totals.participants, certificates: tally(certificates), coursesByBaseKind: tally(byKind) };
  }
}
