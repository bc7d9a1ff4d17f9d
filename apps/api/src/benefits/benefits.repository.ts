import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NAMED_MASTERS_SQL } from '../../../../libs/db';
import { BENEFITS, BENEFIT_KINDS, type BenefitKind, type BenefitStatus } from './benefit-rules';
import type { BenefitDto, BenefitEventDto, BenefitKindReportDto } from './benefit.dto';

/** The named masters (every way a master is named) and the day each was named. */
const NAMED = `SELECT candidate_id, named_on AS commended_on FROM (${NAMED_MASTERS_SQL}) m WHERE named_on IS NOT NULL`;

const BENEFIT_COLUMNS = `b.id, b.candidate_id AS "candidateId", c.name, b.kind, b.granting_body AS "grantingBody", b.status,
  to_char(b.offered_on, 'YYYY-MM-DD') AS "offeredOn", to_char(b.taken_up_on, 'YYYY-MM-DD') AS "takenUpOn",
  to_char(b.declined_on, 'YYYY-MM-DD') AS "declinedOn", to_char(b.granted_on, 'YYYY-MM-DD') AS "grantedOn", b.events`;

/** One lock for the offers' creation in every API process ('BENF'): two first reads do not insert the same offers at once. */
const ENSURE_LOCK = 0x42454e46;

/** Which date column each step sets, and which it must not precede. */
export const STEP_DATES: Record<Exclude<BenefitStatus, 'offered'>, { column: string; after: 'offeredOn' | 'takenUpOn' }> = {
  taken_up: { column: 'taken_up_on', after: 'offeredOn' },
  declined: { column: 'declined_on', after: 'offeredOn' },
  granted: { column: 'granted_on', after: 'takenUpOn' },
};

const view = (row: Omit<BenefitDto, 'label'>): BenefitDto => ({ ...row, label: BENEFITS[row.kind].label });

@Injectable()
export class BenefitsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Whether some named master (the one given, or any) has no benefits yet: the common case answers without a write or a lock. */
  async anyMissing(candidateId: string | null): Promise<boolean> {
    const [row] = (await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM (${NAMED}) n WHERE ($1::uuid IS NULL OR n.candidate_id = $1)
                        AND NOT EXISTS (SELECT 1 FROM master_benefits b WHERE b.candidate_id = n.candidate_id)) AS missing`,
      [candidateId],
    )) as Array<{ missing: boolean }>;
    return row.missing;
  }

  /** Offers every benefit a named master lacks, dated the day they were named; returns what it offered. */
  async offerMissing(tx: EntityManager, candidateId: string | null): Promise<Array<{ candidateId: string; kind: BenefitKind; offeredOn: string }>> {
    await tx.query(`SELECT pg_advisory_xact_lock(${ENSURE_LOCK})`);
    const kinds = BENEFIT_KINDS.map((kind) => ({ kind, body: BENEFITS[kind].grantingBody }));
    return tx.query(
      `INSERT INTO master_benefits (id, candidate_id, kind, granting_body, status, offered_on, events)
       SELECT gen_random_uuid(), n.candidate_id, k.kind, k.body, 'offered', n.commended_on,
              jsonb_build_array(jsonb_build_object('status', 'offered', 'on', to_char(n.commended_on, 'YYYY-MM-DD'), 'note', null, 'by', 'system', 'role', 'system',
                                                   'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
         FROM (${NAMED}) n CROSS JOIN json_to_recordset($2::json) AS k(kind text, body text)
        WHERE $1::uuid IS NULL OR n.candidate_id = $1
       ON CONFLICT (candidate_id, kind) DO NOTHING
       RETURNING candidate_id AS "candidateId", kind, to_char(offered_on, 'YYYY-MM-DD') AS "offeredOn"`,
      [candidateId, JSON.stringify(kinds)],
    );
  }

  async isNamed(candidateId: string): Promise<boolean> {
    return ((await this.ds.query(`SELECT 1 FROM (${NAMED}) n WHERE n.candidate_id = $1`, [candidateId])) as unknown[]).length > 0;
  }

  async ofCandidate(candidateId: string): Promise<BenefitDto[]> {
    const rows = (await this.ds.query(
      `SELECT ${BENEFIT_COLUMNS} FROM master_benefits b JOIN candidates c ON c.id = b.candidate_id WHERE b.candidate_id = $1 ORDER BY array_position($2::text[], b.kind)`,
      [candidateId, BENEFIT_KINDS],
    )) as Array<Omit<BenefitDto, 'label'>>;
    return rows.map(view);
  }

  /** The granting bodies' list: filtered by status, kind and the year the master was named; by master, then benefit. */
  async list(filter: { status?: string; kind?: string; year?: number }): Promise<BenefitDto[]> {
    const rows = (await this.ds.query(
      `SELECT ${BENEFIT_COLUMNS} FROM master_benefits b JOIN candidates c ON c.id = b.candidate_id
        WHERE ($1::text IS NULL OR b.status = $1) AND ($2::text IS NULL OR b.kind = $2) AND ($3::int IS NULL OR extract(year FROM b.offered_on) = $3)
        ORDER BY b.offered_on DESC, c.name, b.candidate_id, array_position($4::text[], b.kind)`,
      [filter.status ?? null, filter.kind ?? null, filter.year ?? null, BENEFIT_KINDS],
    )) as Array<Omit<BenefitDto, 'label'>>;
    return rows.map(view);
  }

  /** How many of each master's benefits stand at each status, for the masters given. */
  async countsByStatus(candidateIds: string[]): Promise<Map<string, Record<BenefitStatus, number>>> {
    const rows = (await this.ds.query(`SELECT candidate_id, status, count(*)::int AS n FROM master_benefits WHERE candidate_id = ANY($1::uuid[]) GROUP BY 1, 2`, [
      candidateIds,
    ])) as Array<{ candidate_id: string; status: BenefitStatus; n: number }>;
    const counts = new Map(candidateIds.map((id) => [id, { offered: 0, taken_up: 0, declined: 0, granted: 0 }]));
    for (const r of rows) counts.get(r.candidate_id)![r.status] = r.n;
    return counts;
  }

  async lock(tx: EntityManager, id: string): Promise<BenefitDto | null> {
    const [row] = (await tx.query(`SELECT ${BENEFIT_COLUMNS} FROM master_benefits b JOIN candidates c ON c.id = b.candidate_id WHERE b.id = $1 FOR UPDATE OF b`, [
      id,
    ])) as Array<Omit<BenefitDto, 'label'>>;
    return row ? view(row) : null;
  }

  async step(tx: EntityManager, id: string, to: Exclude<BenefitStatus, 'offered'>, event: BenefitEventDto): Promise<void> {
    await tx.query(`UPDATE master_benefits SET status = $2, ${STEP_DATES[to].column} = $3, events = events || $4::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      to,
      event.on,
      JSON.stringify([event]),
    ]);
  }

  async mastersNamedIn(year: number): Promise<number> {
    const [row] = (await this.ds.query(`SELECT count(DISTINCT candidate_id)::int AS n FROM (${NAMED}) n WHERE extract(year FROM n.commended_on) = $1`, [year])) as Array<{
      n: number;
    }>;
    return row.n;
  }

  /** Per benefit: where it stands for the masters named in the year, and the steps dated in the year. */
  async report(year: number): Promise<BenefitKindReportDto[]> {
    const [standing, steps] = (await Promise.all([
      this.ds.query(`SELECT kind, status, count(*)::int AS n FROM master_benefits WHERE extract(year FROM offered_on) = $1 GROUP BY 1, 2`, [year]),
      this.ds.query(
        `SELECT kind, count(*) FILTER (WHERE extract(year FROM taken_up_on) = $1)::int AS taken_up,
                      count(*) FILTER (WHERE extract(year FROM declined_on) = $1)::int AS declined,
                      count(*) FILTER (WHERE extract(year FROM granted_on) = $1)::int AS granted
           FROM master_benefits GROUP BY 1`,
        [year],
      ),
    ])) as [Array<{ kind: string; status: BenefitStatus; n: number }>, Array<{ kind: string; taken_up: number; declined: number; granted: number }>];
    return BENEFIT_KINDS.map((kind) => {
      const byStatus = { offered: 0, taken_up: 0, declined: 0, granted: 0 };
      for (const r of standing.filter((s) => s.kind === kind)) byStatus[r.status] = r.n;
      const s = steps.find((r) => r.kind === kind);
      return { kind, ...BENEFITS[kind], byStatus, stepsInYear: { taken_up: s?.taken_up ?? 0, declined: s?.declined ?? 0, granted: s?.granted ?? 0 } };
    });
  }
}
