import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { trainingFundByYear } from '../training/training-fund';
import { RoundsService } from './rounds.service';

type Counts = Record<string, number>;

function tally(rows: Array<{ key: string | null; n: number }>, missing: string): Counts {
  const out: Counts = {};
  for (const r of rows) out[r.key ?? missing] = (out[r.key ?? missing] ?? 0) + Number(r.n);
  return out;
}

/** How far a round has come (its funnel) and how far the three-year programme has (masters named against its target). */
@Injectable()
export class RoundProgressService {
  private readonly target: number;

  constructor(
    private readonly ds: DataSource,
    private readonly rounds: RoundsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.target = config.round.programmeTarget;
  }

  /** The round's files per stage and per status (the status projection), and its re-review list per outcome. */
  async funnel(id: string) {
    const round = await this.rounds.find(id);
    const [stages, statuses, outcomes] = (await Promise.all([
      this.ds.query(
        `SELECT s.stage AS key, count(*)::int AS n FROM candidates c LEFT JOIN candidate_status s ON s.candidate_id = c.id WHERE c.round_id = $1 GROUP BY 1`,
        [id],
      ),
      this.ds.query(
        `SELECT s.status AS key, count(*)::int AS n FROM candidates c LEFT JOIN candidate_status s ON s.candidate_id = c.id WHERE c.round_id = $1 GROUP BY 1`,
        [id],
      ),
      this.ds.query(`SELECT outcome AS key, count(*)::int AS n FROM round_entries WHERE round_id = $1 GROUP BY 1`, [id]),
    ])) as Array<Array<{ key: string | null; n: number }>>;
    const byStage = tally(stages, 'not_started');
    return {
      roundId: round.id,
      year: round.year,
      quota: round.quota,
      files: Object.values(byStage).reduce((a, b) => a + b, 0),
      // A file filed a moment ago has no status report yet: it counts as not started.
      byStage,
      byStatus: tally(statuses, 'not_started'),
      reReviewList: Object.values(tally(outcomes, 'pending')).reduce((a, b) => a + b, 0),
      byOutcome: tally(outcomes, 'pending'),
    };
  }

  /** The programme's target (100 masters over 2017-2019) against the masters commended each round and the quotas. */
  async programme() {
    const rows: Array<{ id: string; year: number; quota: number; phase: string | null; commended: number; ceremony_date: string | null }> = await this.ds.query(
      `SELECT r.id, r.year, r.quota, r.phase, to_char(r.ceremony_date, 'YYYY-MM-DD') AS ceremony_date,
              (SELECT count(*)::int FROM round_entries e WHERE e.round_id = r.id AND e.outcome = 'commended') AS commended
         FROM rounds r ORDER BY r.year`,
    );
    const rounds = rows.map((r) => ({
      roundId: r.id,
      year: Number(r.year),
      quota: Number(r.quota),
      phase: r.phase,
      ceremonyDate: r.ceremony_date,
      commended: Number(r.commended),
    }));
    const commended = rounds.reduce((n, r) => n + r.commended, 0);
    const quotas = rounds.reduce((n, r) => n + r.quota, 0);
    return {
      target: this.target,
      commended,
      remaining: Math.max(0, this.target - commended),
      quotas,
      /** Whether the rounds' quotas together fall short of the target. */
      quotasShortOfTarget: quotas < this.target,
      rounds,
      trainingFund: await trainingFundByYear(this.ds),
    };
  }
}
