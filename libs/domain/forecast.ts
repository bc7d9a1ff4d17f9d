import { shanghaiDate, shanghaiMidnight, subsidyDueAt, subsidyOwed, type PaymentKind } from '../contract';

/**
 * Finance's forecast as pure arithmetic: which subsidy instalments a running schedule will still
 * create within a window of months, and the month-by-month sums of committed money. The database
 * supplies the schedules, the instructions in the inbox and the bonuses of ceremonies ahead.
 */

/** Consecutive months YYYY-MM, `count` of them from `from`. */
export function monthsFrom(from: string, count: number): string[] {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A schedule's terms as it recorded them, with every subsidy instalment that already has an instruction (in any status). */
export interface ScheduleTerms {
  candidateId: string;
  commendedOn: string; // YYYY-MM-DD, Asia/Shanghai
  subsidyMonthlyFen: number;
  subsidyMonths: number;
  subsidyDueDay: number;
  leftOn: string | null;
  instructed: number[];
}

export interface ProjectedInstalment {
  candidateId: string;
  instalment: number;
  dueOn: string;
  amountFen: number;
}

/**
 * The instalments the schedule has not created yet and will, falling due in the window: instalment n
 * on the due day of the n-th month after the commendation month (a day past the month's end: its last
 * day), owed only while the master is still in the district on its due date. An instalment that has
 * an instruction of any status is the inbox's, never projected a second time.
 */
export function projectedInstalments(s: ScheduleTerms, months: string[]): ProjectedInstalment[] {
  if (!months.length) return [];
  const first = months[0];
  const last = months[months.length - 1];
  const commendedAtMs = shanghaiMidnight(s.commendedOn);
  const instructed = new Set(s.instructed);
  const out: ProjectedInstalment[] = [];
  for (let n = 1; n <= s.subsidyMonths; n++) {
    const dueOn = shanghaiDate(subsidyDueAt(commendedAtMs, n, s.subsidyDueDay));
    // Due dates only grow with n: once one is cut off by the departure or lies past the window, so are the rest.
    if (!subsidyOwed(s.leftOn === null ? null : { leftOn: s.leftOn }, dueOn) || dueOn.slice(0, 7) > last) break;
    if (dueOn.slice(0, 7) < first || instructed.has(n)) continue;
    out.push({ candidateId: s.candidateId, instalment: n, dueOn, amountFen: s.subsidyMonthlyFen });
  }
  return out;
}

/** Money counted in one month for one kind: instructions in the inbox, or projected ones. */
export interface ForecastLine {
  month: string;
  kind: PaymentKind;
  count: number;
  fen: number;
}

export interface Sum {
  count: number;
  fen: number;
}

export interface ForecastMonth {
  month: string;
  bonus: Sum;
  subsidy: Sum;
  studioGrant: Sum;
  totalFen: number;
}

const FIELD: Record<PaymentKind, 'bonus' | 'subsidy' | 'studioGrant'> = { bonus: 'bonus', subsidy: 'subsidy', studio_grant: 'studioGrant' };
const empty = (): Sum => ({ count: 0, fen: 0 });

/** Every month of the window (empty ones too) with its sums per kind, and the window's totals. Lines outside the window are ignored. */
export function sumForecast(months: string[], lines: ForecastLine[]): { months: ForecastMonth[]; totals: Omit<ForecastMonth, 'month'> } {
  const byMonth = new Map(months.map((month) => [month, { month, bonus: empty(), subsidy: empty(), studioGrant: empty(), totalFen: 0 }]));
  const totals = { bonus: empty(), subsidy: empty(), studioGrant: empty(), totalFen: 0 };
  for (const line of lines) {
    const row = byMonth.get(line.month);
    if (!row) continue;
    for (const target of [row, totals]) {
      const sum = target[FIELD[line.kind]];
      sum.count += line.count;
      sum.fen += line.fen;
      target.totalFen += line.fen;
    }
  }
  return { months: [...byMonth.values()], totals };
}

/** The projected instalments as lines, one per month. */
export function subsidyLines(projected: ProjectedInstalment[]): ForecastLine[] {
  const byMonth = new Map<string, ForecastLine>();
  for (const p of projected) {
    const month = p.dueOn.slice(0, 7);
    const line = byMonth.get(month) ?? { month, kind: 'subsidy' as const, count: 0, fen: 0 };
    line.count++;
    line.fen += p.amountFen;
    byMonth.set(month, line);
  }
  return [...byMonth.values()];
}
