/**
 * The programme's calendar is Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact and keeps this pure (it runs inside workflows).
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The local (Asia/Shanghai) date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 10);
}

/** The local (Asia/Shanghai) date and time of an instant to the minute, as YYYY-MM-DD HH:mm. */
export function shanghaiMinute(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Midnight in Asia/Shanghai at the start of a YYYY-MM-DD date, as epoch ms. */
export function shanghaiMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - OFFSET_MS;
}

/**
 * When the n-th monthly subsidy falls due: 00:00 Asia/Shanghai on `dueDay` of the n-th month after
 * the month of commendation (product decision: the first subsidy month follows commendation). A day
 * past the month's end means its last day (31 → 28 February). Schedules begun before the due day
 * was a setting were promised the 1st, hence the default.
 */
export function subsidyDueAt(commendedAtMs: number, n: number, dueDay = 1): number {
  const local = new Date(commendedAtMs + OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(dueDay, lastDay)) - OFFSET_MS;
}
