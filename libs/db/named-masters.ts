import type { DataSource } from 'typeorm';
import type { CandidateStatus } from '../contract';

/** Statuses a file reaches only after commendation: its payment schedule runs, ran out, or stopped at a departure. */
export const NAMED_STATUSES: readonly CandidateStatus[] = ['paying', 'completed', 'subsidy_stopped'];

/** A named master (工匠大师), whichever way they were named. */
export interface NamedMaster {
  candidateId: string;
  /** The year of the round that named them (an imported master's paper round). */
  yearNamed: number;
  /** The commendation date, YYYY-MM-DD; null for a master of the per-file path whose schedule never recorded it. */
  namedOn: string | null;
}

/**
 * Every named master, one row each (candidate_id, year_named, named_on), from the three ways a master
 * is named: commended on a round's list (`round_entries`, dated by the round's ceremony); imported
 * from the paper records (`imported_masters`); or commended on the per-file path (files in no round,
 * or in a round from before rounds ran as workflows), known by a status only commendation leads to,
 * dated by the payment schedule's commendation date, else the bonus's due date.
 */
export const NAMED_MASTERS_SQL = `
  SELECT DISTINCT ON (candidate_id) candidate_id, year_named, named_on
    FROM (
      SELECT e.candidate_id, r.year AS year_named, r.ceremony_date AS named_on, 1 AS source
        FROM round_entries e JOIN rounds r ON r.id = e.round_id
       WHERE e.outcome = 'commended'
      UNION ALL
      SELECT im.candidate_id, im.round_year, im.commended_on, 2 FROM imported_masters im
      UNION ALL
      SELECT c.id, coalesce(r.year, extract(year FROM d.named_on)::int), d.named_on, 3
        FROM candidates c
        JOIN candidate_status s ON s.candidate_id = c.id
        LEFT JOIN rounds r ON r.id = c.round_id
        CROSS JOIN LATERAL (
          SELECT coalesce(
                   (SELECT ps.commended_on FROM payment_schedules ps WHERE ps.candidate_id = c.id),
                   (SELECT min(t.due_on) FROM payment_tasks t WHERE t.candidate_id = c.id AND t.kind = 'bonus' AND t.studio_id IS NULL)
                 ) AS named_on
        ) d
       WHERE s.status = ANY('{${NAMED_STATUSES.join(',')}}'::text[])
    ) named
   WHERE year_named IS NOT NULL
   ORDER BY candidate_id, source`;

/** Who the programme has named: the register, the certificates and the studios' applicants are read from here. */
export class NamedMasters {
  constructor(private readonly ds: DataSource) {}

  /** The master, or null when the file is not (yet) a named master. */
  async find(candidateId: string): Promise<NamedMaster | null> {
    const rows: Array<{ candidate_id: string; year_named: number; named_on: string | null }> = await this.ds.query(
      `SELECT candidate_id, year_named, to_char(named_on, 'YYYY-MM-DD') AS named_on FROM (${NAMED_MASTERS_SQL}) m WHERE candidate_id = $1`,
      [candidateId],
    );
    return rows.length ? { candidateId: rows[0].candidate_id, yearNamed: Number(rows[0].year_named), namedOn: rows[0].named_on } : null;
  }
}
