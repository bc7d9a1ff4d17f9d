import { shanghaiDate } from '../../../../libs/contract';
import type { FieldError } from '../common/validation';

interface Row {
  idNumber?: unknown;
  roundYear?: unknown;
  commendedOn?: unknown;
  bonusPaid?: { paidOn?: unknown } | null;
  subsidiesPaid?: Array<{ instalment?: unknown; paidOn?: unknown }>;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The rules of an import across a row's fields and across rows, in the 400's format: each problem
 * names the row (`masters.<index>`) and the field. Written against the raw body, since they run
 * beside the field validators and a row may be malformed in other ways too.
 */
export function importProblems(body: { masters?: unknown }, terms: { subsidyMonths: number }, now: Date): FieldError[] {
  if (!Array.isArray(body?.masters)) return [];
  const today = shanghaiDate(now.getTime());
  const problems: FieldError[] = [];
  const firstRowOf = new Map<string, number>();
  body.masters.forEach((raw: unknown, i: number) => {
    if (!raw || typeof raw !== 'object') return;
    const row = raw as Row;
    const at = (field: string, reason: string) => problems.push({ field: `masters.${i}.${field}`, reason });
    if (typeof row.idNumber === 'string') {
      const key = row.idNumber.toUpperCase();
      const first = firstRowOf.get(key);
      if (first !== undefined) at('idNumber', `names the same person as masters.${first}: a master is imported once`);
      else firstRowOf.set(key, i);
    }
    if (typeof row.roundYear === 'number' && row.roundYear > Number(today.slice(0, 4))) at('roundYear', 'is in the future');
    const commendedOn = isDate(row.commendedOn) ? row.commendedOn : null;
    if (commendedOn && commendedOn > today) at('commendedOn', 'is after today: only masters already commended can be imported');
    if (commendedOn && typeof row.roundYear === 'number') {
      const year = Number(commendedOn.slice(0, 4));
      if (year < row.roundYear || year > row.roundYear + 1) at('commendedOn', `must fall in the round's year (${row.roundYear}) or the year after`);
    }
    const paidInTime = (field: string, paidOn: unknown) => {
      if (!isDate(paidOn)) return;
      if (paidOn > today) at(field, 'is after today');
      else if (commendedOn && paidOn < commendedOn) at(field, `is before the commendation date ${commendedOn}`);
    };
    if (row.bonusPaid && typeof row.bonusPaid === 'object') paidInTime('bonusPaid.paidOn', row.bonusPaid.paidOn);
    if (!Array.isArray(row.subsidiesPaid)) return;
    const seen = new Set<number>();
    row.subsidiesPaid.forEach((s, j) => {
      if (!s || typeof s !== 'object') return;
      const field = `subsidiesPaid.${j}`;
      if (typeof s.instalment === 'number' && Number.isInteger(s.instalment)) {
        if (s.instalment > terms.subsidyMonths) at(`${field}.instalment`, `must be 1 to ${terms.subsidyMonths}: the subsidy runs ${terms.subsidyMonths} months`);
        else if (seen.has(s.instalment)) at(`${field}.instalment`, `instalment ${s.instalment} is listed twice`);
        seen.add(s.instalment);
      }
      paidInTime(`${field}.paidOn`, s.paidOn);
    });
  });
  return problems;
}
