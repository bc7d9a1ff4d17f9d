import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';

/** Today in Asia/Shanghai, in SQL: apprenticeships still running count up to it. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The studios' part of the programme report: studios named against the target (30 within the three
 * years), per batch, and the apprentices the named studios train — per studio, and per year (those in
 * training at any time of the year, those who started and those who finished in it).
 */
@Injectable()
export class StudioProgramme {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report() {
    const [batches, perStudio, perYear] = await Promise.all([
      this.ds.query(
        `SELECT b.id AS "batchId", b.year, count(s.id)::int AS applications, count(s.id) FILTER (WHERE s.status = 'named')::int AS named
           FROM studio_batches b LEFT JOIN studios s ON s.batch_id = b.id GROUP BY b.id ORDER BY b.year`,
      ) as Promise<Array<{ batchId: string; year: number; applications: number; named: number }>>,
      this.ds.query(
        `SELECT s.id AS "studioId", s.name, s.master_id AS "masterId", to_char(s.named_on, 'YYYY-MM-DD') AS "namedOn",
                count(a.id)::int AS apprentices, count(a.end_on)::int AS finished, count(a.outcome)::int AS "withOutcome"
           FROM studios s LEFT JOIN studio_apprentices a ON a.studio_id = s.id
          WHERE s.status = 'named' GROUP BY s.id ORDER BY s.named_on, s.id`,
      ) as Promise<Array<{ studioId: string; name: string; masterId: string; namedOn: string; apprentices: number; finished: number; withOutcome: number }>>,
      this.ds.query(
        `SELECT y AS year, count(*)::int AS trained,
                count(*) FILTER (WHERE extract(year FROM a.start_on) = y)::int AS started,
                count(*) FILTER (WHERE extract(year FROM a.end_on) = y)::int AS finished
           FROM studio_apprentices a JOIN studios s ON s.id = a.studio_id AND s.status = 'named'
           CROSS JOIN LATERAL generate_series(extract(year FROM a.start_on)::int, extract(year FROM coalesce(a.end_on, greatest(a.start_on, ${TODAY})))::int) AS y
          WHERE a.start_on <= ${TODAY}
          GROUP BY y ORDER BY y`,
      ) as Promise<Array<{ year: number; trained: number; started: number; finished: number }>>,
    ]);
    const named = batches.reduce((n, b) => n + b.named, 0);
    const { target } = this.config.studios;
    return {
      target,
      named,
      remaining: Math.max(0, target - named),
      batches,
      apprentices: { total: perStudio.reduce((n, s) => n + s.apprentices, 0), perStudio, perYear },
    };
  }
}
