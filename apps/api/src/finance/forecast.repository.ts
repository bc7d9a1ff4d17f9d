import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ForecastLine, ScheduleTerms } from '../../../../libs/domain/forecast';

/** Instructions still to pay: due, approved, or failed and awaiting reissue (a reissued attempt is superseded by the next). */
const UNPAID = `('due', 'approved', 'failed')`;

/** What the database knows of money committed: the inbox, the schedules' terms, the rounds' lists and ceremonies. */
@Injectable()
export class ForecastRepository {
  constructor(private readonly ds: DataSource) {}

  /** Unpaid instructions falling due in [from, to), summed per month and kind; of one round's masters when roundId is given. */
  async unpaid(from: string, to: string, roundId: string | null): Promise<ForecastLine[]> {
    const rows: Array<{ month: string; kind: ForecastLine['kind']; count: number; fen: string }> = await this.ds.query(
      `SELECT to_char(t.due_on, 'YYYY-MM') AS month, t.kind, count(*)::int AS count, sum(t.amount_fen)::bigint AS fen
         FROM payment_tasks t JOIN candidates c ON c.id = t.candidate_id
        WHERE t.status IN ${UNPAID} AND t.due_on >= $1 AND t.due_on < $2 AND ($3::uuid IS NULL OR c.round_id = $3::uuid)
        GROUP BY 1, 2`,
      [from, to, roundId],
    );
    return rows.map((r) => ({ ...r, fen: Number(r.fen) }));
  }

  /**
   * Schedules still running whose term may reach into [from, to), with the subsidy instalments that
   * already have an instruction (any status: those are the inbox's, never projected).
   */
  async runningSchedules(from: string, to: string, roundId: string | null): Promise<ScheduleTerms[]> {
    const rows: Array<Omit<ScheduleTerms, 'subsidyMonthlyFen'> & { subsidyMonthlyFen: string }> = await this.ds.query(
      `SELECT s.candidate_id AS "candidateId", to_char(s.commended_on, 'YYYY-MM-DD') AS "commendedOn", s.subsidy_monthly_fen AS "subsidyMonthlyFen",
              s.subsidy_months AS "subsidyMonths", s.subsidy_due_day AS "subsidyDueDay", to_char(s.left_on, 'YYYY-MM-DD') AS "leftOn",
              coalesce(array_agg(DISTINCT t.instalment) FILTER (WHERE t.instalment IS NOT NULL), '{}') AS instructed
         FROM payment_schedules s
         LEFT JOIN payment_tasks t ON t.candidate_id = s.candidate_id AND t.kind = 'subsidy' AND t.studio_id IS NULL
        WHERE s.status <> 'completed' AND s.commended_on < $2 AND s.commended_on + make_interval(months => s.subsidy_months + 1) >= $1
          AND (s.left_on IS NULL OR s.left_on > $1) AND ($3::uuid IS NULL OR s.round_id = $3::uuid)
        GROUP BY s.candidate_id`,
      [from, to, roundId],
    );
    return rows.map((r) => ({ ...r, subsidyMonthlyFen: Number(r.subsidyMonthlyFen), instructed: r.instructed.map(Number) }));
  }

  /**
   * Masters on a round's formal list, approved by the government, or commended, whose bonus the
   * schedule has not created yet, by the month of their round's ceremony (null: no date set yet).
   * A master left out, not approved, disqualified or withdrawn is not counted.
   */
  async bonusesAhead(roundId: string | null): Promise<Array<{ month: string | null; count: number }>> {
    return this.ds.query(
      `SELECT to_char(r.ceremony_date, 'YYYY-MM') AS month, count(*)::int AS count
         FROM round_entries e JOIN rounds r ON r.id = e.round_id
        WHERE e.outcome IN ('selected', 'approved', 'commended') AND ($1::uuid IS NULL OR e.round_id = $1::uuid)
          AND NOT EXISTS (SELECT 1 FROM payment_tasks t WHERE t.candidate_id = e.candidate_id AND t.kind = 'bonus' AND t.studio_id IS NULL)
        GROUP BY 1`,
      [roundId],
    );
  }
}
