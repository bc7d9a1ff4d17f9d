import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The programme's calendar: every time is shown in Asia/Shanghai, whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export function shanghai(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

/**
 * Shanghai local 'YYYY-MM-DD HH:mm' (as the office types a window's end) as an ISO instant, or null when
 * malformed or no such moment (Feb 30, 24:10): it must read back as typed. Asia/Shanghai keeps +08:00 all year.
 */
export function shanghaiInstant(local: string | number | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(String(local ?? '').trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}:00+08:00`;
  return shanghai(iso) === `${m[1]} ${m[2]}` ? iso : null;
}

/** A form rule: the field, when given, is a Shanghai local time `shanghaiInstant` reads. */
export const instantRule = (message: string) => ({
  validator: (_: unknown, v: string | undefined) => (!v || shanghaiInstant(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});
