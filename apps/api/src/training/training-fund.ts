import type { DataSource } from 'typeorm';
import type { FundYearDto, TrainingFundDto } from './training-views.dto';

/**
 * The union's training fund per year, with the notice's rule checked: "每年提取一定比例的工会经费专门用于
 * 职工教育培训，并保持逐年增长" — a share set aside each year for workers' training, growing year on year.
 * Every year from the first to the last with a figure is listed, so a year with nothing set aside
 * shows (0, not recorded) and is flagged rather than skipped. Fen throughout.
 */
export function fundYears(setAside: Map<number, number>, spent: Map<number, number>): TrainingFundDto {
  const known = [...setAside.keys(), ...spent.keys()];
  if (!known.length) return { years: [], flaggedYears: [] };
  const first = Math.min(...known);
  const last = Math.max(...known);
  const years: FundYearDto[] = [];
  for (let year = first; year <= last; year++) {
    const setAsideFen = setAside.get(year) ?? 0;
    const spentFen = spent.get(year) ?? 0;
    const previousSetAsideFen = year === first ? null : (setAside.get(year - 1) ?? 0);
    years.push({
      year,
      setAsideFen,
      setAsideRecorded: setAside.has(year),
      spentFen,
      remainingFen: setAsideFen - spentFen,
      previousSetAsideFen,
      growsOnPreviousYear: previousSetAsideFen === null ? null : setAsideFen > previousSetAsideFen,
    });
  }
  return { years, flaggedYears: years.filter((y) => y.growsOnPreviousYear === false).map((y) => y.year) };
}

/** The fund per year as recorded (also shown by GET /programme). */
export async function trainingFundByYear(ds: DataSource): Promise<TrainingFundDto> {
  const [asides, spending] = (await Promise.all([
    ds.query(`SELECT year, set_aside_fen::text AS fen FROM training_fund_years`),
    ds.query(`SELECT extract(year FROM spent_on)::int AS year, sum(amount_fen)::text AS fen FROM training_fund_spending GROUP BY 1`),
  ])) as Array<Array<{ year: number; fen: string }>>;
  const byYear = (rows: Array<{ year: number; fen: string }>) => new Map(rows.map((r) => [Number(r.year), Number(r.fen)]));
  return fundYears(byYear(asides), byYear(spending));
}
