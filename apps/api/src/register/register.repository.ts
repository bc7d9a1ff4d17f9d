import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NAMED_MASTERS_SQL } from '../../../../libs/db';

/** A named master as the register is made of: the file's public fields, the year named, the office's entry. */
export interface RegisterRow {
  candidateId: string;
  name: string;
  sex: 'male' | 'female' | null;
  trade: string;
  employer: string;
  yearNamed: number;
  namedOn: string | null;
  limited: boolean;
  deeds: string | null;
  /** The demonstration studio named after the master, once named. */
  studio: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * The register's rows: every named master (NAMED_MASTERS_SQL) with the public fields of the file —
 * never the sealed ones — and the office's entry in `master_register`.
 */
@Injectable()
export class RegisterRepository {
  constructor(private readonly ds: DataSource) {}

  /** `name`: part of the name, looked for as typed (strpos, not LIKE: a % or _ is itself). */
  async rows(filter: { year?: number; candidateId?: string; name?: string } = {}): Promise<RegisterRow[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT m.candidate_id, c.name, c.form->>'sex' AS sex, c.trade, c.employer, m.year_named, to_char(m.named_on, 'YYYY-MM-DD') AS named_on,
              coalesce(g.limited, false) AS limited, g.deeds, g.updated_by, g.updated_at, st.name AS studio
         FROM (${NAMED_MASTERS_SQL}) m
         JOIN candidates c ON c.id = m.candidate_id
         LEFT JOIN master_register g ON g.candidate_id = m.candidate_id
         LEFT JOIN studios st ON st.master_id = m.candidate_id AND st.status = 'named'
        WHERE ($1::int IS NULL OR m.year_named = $1) AND ($2::uuid IS NULL OR m.candidate_id = $2) AND ($3::text IS NULL OR strpos(lower(c.name), lower($3)) > 0)
        ORDER BY m.year_named, c.name, m.candidate_id`,
      [filter.year ?? null, filter.candidateId ?? null, filter.name ?? null],
    );
    return rows.map((r) => ({
      candidateId: r.candidate_id as string,
      name: r.name as string,
      sex: r.sex === 'male' || r.sex === 'female' ? r.sex : null,
      trade: r.trade as string,
      employer: r.employer as string,
      yearNamed: Number(r.year_named),
      namedOn: (r.named_on as string | null) ?? null,
      limited: r.limited === true,
      deeds: (r.deeds as string | null) ?? null,
      studio: (r.studio as string | null) ?? null,
      updatedBy: (r.updated_by as string | null) ?? null,
      updatedAt: r.updated_at ? new Date(r.updated_at as string).toISOString() : null,
    }));
  }

  /** The years in which masters were named, the latest first. */
  async years(): Promise<number[]> {
    const rows: Array<{ year_named: number }> = await this.ds.query(`SELECT DISTINCT year_named FROM (${NAMED_MASTERS_SQL}) m ORDER BY 1 DESC`);
    return rows.map((r) => Number(r.year_named));
  }

  /** The office's entry for the master: `deeds` undefined leaves the published deeds as they are. */
  async save(candidateId: string, entry: { limited: boolean; deeds?: string | null }, by: string): Promise<void> {
    const keepDeeds = entry.deeds === undefined;
    await this.ds.query(
      `INSERT INTO master_register (candidate_id, limited, deeds, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (candidate_id) DO UPDATE
         SET limited = EXCLUDED.limited, deeds = CASE WHEN $5 THEN master_register.deeds ELSE EXCLUDED.deeds END,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [candidateId, entry.limited, keepDeeds ? null : entry.deeds, by, keepDeeds],
    );
  }
}
