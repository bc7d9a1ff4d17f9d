/**
 * Pure time helpers for annual rounds. The programme's calendar is Asia/Shanghai; China has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const ROUND_PHASES = ['upcoming', 'nominating', 'reviewing', 'closed'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export interface RoundWindows {
  nominationOpensAt: Date;
  nominationClosesAt: Date;
  reviewClosesAt: Date;
}

/** Where a round stands at `now`. Each window includes its start and excludes its end. */
export function roundPhase(round: RoundWindows, now: Date): RoundPhase {
  const t = now.getTime();
  if (t < round.nominationOpensAt.getTime()) return 'upcoming';
  if (t < round.nominationClosesAt.getTime()) return 'nominating';
  if (t < round.reviewClosesAt.getTime()) return 'reviewing';
  return 'closed';
}

/** Whether the nomination window [opens, closes) contains `now`. */
export function nominationWindowContains(round: RoundWindows, now: Date): boolean {
  return roundPhase(round, now) === 'nominating';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An instant as Asia/Shanghai local time, `YYYY-MM-DD HH:MM` (with `:SS` only when the seconds are
 * not zero). As the end of a window, local midnight reads as `24:00` of the day before, so the
 * window 2017-04-06T00:00+08:00 .. 2017-04-16T00:00+08:00 reads "2017-04-06 00:00 to 2017-04-15 24:00".
 */
export function shanghaiLocal(at: Date, options: { endOfWindow?: boolean; seconds?: boolean } = {}): string {
  const ms = at.getTime() + OFFSET_MS;
  const local = new Date(ms);
  const secs = local.getUTCSeconds();
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && secs === 0 && local.getUTCMilliseconds() === 0;
  if (options.endOfWindow && midnight) {
    return `${new Date(ms - DAY_MS).toISOString().slice(0, 10)} 24:00`;
  }
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const withSeconds = options.seconds !== false && secs !== 0 ? `${time}:${pad(secs)}` : time;
  return `${local.toISOString().slice(0, 10)} ${withSeconds}`;
}

/** "from 2017-04-06 00:00 to 2017-04-15 24:00" — a window in Asia/Shanghai local time. */
export function windowText(opens: Date, closes: Date): string {
  return `from ${shanghaiLocal(opens)} to ${shanghaiLocal(closes, { endOfWindow: true })}`;
}

/** The refusal when a nomination arrives outside its round's window. */
export function outsideWindowMessage(year: number, round: RoundWindows, now: Date): string {
  return (
    `nominations for the ${year} round are accepted ${windowText(round.nominationOpensAt, round.nominationClosesAt)} (Asia/Shanghai); ` +
    `it is now ${shanghaiLocal(now, { seconds: false })}`
  );
}

/** The refusal when no round is open for nominations, naming the next window if one is scheduled. */
export function noOpenRoundMessage(now: Date, next?: { year: number } & RoundWindows): string {
  const head = `no round is open for nominations at ${shanghaiLocal(now, { seconds: false })} (Asia/Shanghai)`;
  if (!next) return `${head}; no upcoming nomination window is scheduled`;
  return `${head}; the next window is the ${next.year} round's, ${windowText(next.nominationOpensAt, next.nominationClosesAt)}`;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 / RFC 3339 instant that carries its offset (`Z` or `±HH:MM`), strictly: no
 * date-only or offset-less forms, and no rolled-over dates (JavaScript's own parser reads
 * 2017-02-30 as 2 March). Returns the instant, or why the text is refused.
 */
export function parseInstant(value: unknown): Date | string {
  if (typeof value !== 'string') return 'must be a string holding an ISO 8601 instant, e.g. 2017-04-06T00:00:00+08:00';
  const m = INSTANT.exec(value);
  if (!m) return 'must be an ISO 8601 instant with an offset, e.g. 2017-04-06T00:00:00+08:00';
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (y < 2000 || y > 2100) return 'must fall between the years 2000 and 2100';
  if (mo < 1 || mo > 12) return 'has a month that does not exist';
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return 'has a date that does not exist';
  if (h > 23 || mi > 59 || s > 59) return 'has a time of day that does not exist (00:00:00 to 23:59:59)';
  let offsetMin = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    // Offsets in use run from -12:00 to +14:00, in quarter hours.
    if (oh > 14 || om > 59 || om % 15 !== 0 || (oh === 14 && om > 0)) return 'has an offset that does not exist (from -12:00 to +14:00)';
    if (m[9] === '-' && oh * 60 + om > 12 * 60) return 'has an offset that does not exist (from -12:00 to +14:00)';
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, ms);
  return new Date(utc.getTime() - offsetMin * 60_000);
}
