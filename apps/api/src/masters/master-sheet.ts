import { INDUSTRY_LABELS } from '../candidates/candidate-labels';
import type { Table, TableCell } from '../common/table';
import type { FieldError } from '../common/validation';
import type { ReadSheet } from '../common/xlsx';

/**
 * The Excel form of an import: the same columns as the JSON body, on two sheets — 名单, one row per
 * master (the bonus and the bank account as columns), and 补贴发放, one row per subsidy instalment
 * paid, tied to its master by the ID number. A header may be the Chinese one or the JSON field name.
 */
const MASTER_COLUMNS = [
  ['name', '姓名'],
  ['idNumber', '身份证号码'],
  ['mobile', '手机号码'],
  ['employer', '工作单位'],
  ['trade', '工种'],
  ['industry', '行业'],
  ['roundYear', '评选年度'],
  ['commendedOn', '表彰日期'],
  ['bonusReference', '奖金支付凭证号'],
  ['bonusPaidOn', '奖金支付日期'],
  ['bank', '开户银行'],
  ['accountNumber', '银行账号'],
  ['accountName', '户名'],
] as const;
const SUBSIDY_COLUMNS = [
  ['idNumber', '身份证号码'],
  ['instalment', '期次'],
  ['reference', '支付凭证号'],
  ['paidOn', '支付日期'],
] as const;
const TEXT = new Set(['idNumber', 'mobile', 'accountNumber', 'bonusReference', 'reference']);
export const MASTERS_SHEET = '名单';
export const SUBSIDIES_SHEET = '补贴发放';

type Columns = ReadonlyArray<readonly [string, string]>;

/** The blank workbook the office fills in. */
export function importTemplate(): Array<{ name: string; table: Table }> {
  const table = (columns: Columns): Table => ({ columns: columns.map(([key, header]) => ({ header, width: 16, text: TEXT.has(key) })), rows: [] });
  return [
    { name: MASTERS_SHEET, table: table(MASTER_COLUMNS) },
    { name: SUBSIDIES_SHEET, table: table(SUBSIDY_COLUMNS) },
  ];
}

/** Where each row of the body came from, to name the sheet's row in a refusal. */
export interface SheetOrigin {
  masterRows: number[];
  subsidyRows: number[][];
}

export class SheetProblem extends Error {
  constructor(readonly problems: FieldError[]) {
    super(problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
  }
}

/** The import body from a workbook, or the problems with its shape (unknown or missing columns, orphan rows). */
export function bodyFromSheets(sheets: ReadSheet[]): { body: { masters: Record<string, unknown>[] }; origin: SheetOrigin } {
  const mastersSheet = sheets.find((s) => s.name === MASTERS_SHEET || s.name === 'masters') ?? sheets[0];
  if (!mastersSheet) throw new SheetProblem([{ field: 'file', reason: `has no sheet: fill in the ${MASTERS_SHEET} sheet of the template` }]);
  const subsidySheet = sheets.find((s) => s !== mastersSheet && (s.name === SUBSIDIES_SHEET || s.name === 'subsidiesPaid'));
  const problems: FieldError[] = [];
  const masters = records(mastersSheet, MASTER_COLUMNS, problems);
  const subsidies = subsidySheet ? records(subsidySheet, SUBSIDY_COLUMNS, problems) : [];
  if (problems.length) throw new SheetProblem(problems);

  const origin: SheetOrigin = { masterRows: [], subsidyRows: [] };
  const byPerson = new Map<string, number>();
  const body = masters.map(({ row, v }, i) => {
    origin.masterRows.push(row);
    origin.subsidyRows.push([]);
    if (typeof v.idNumber === 'string' && !byPerson.has(v.idNumber.toUpperCase())) byPerson.set(v.idNumber.toUpperCase(), i);
    const anyOf = (...keys: string[]) => keys.some((k) => v[k] !== null && v[k] !== undefined);
    return {
      name: v.name,
      idNumber: v.idNumber,
      ...(anyOf('mobile') && { mobile: v.mobile }),
      employer: v.employer,
      trade: v.trade,
      industry: industryCode(v.industry),
      roundYear: whole(v.roundYear),
      commendedOn: v.commendedOn,
      bonusPaid: anyOf('bonusReference', 'bonusPaidOn') ? { reference: v.bonusReference, paidOn: v.bonusPaidOn } : null,
      subsidiesPaid: [] as Record<string, unknown>[],
      ...(anyOf('bank', 'accountNumber', 'accountName') && {
        bankAccount: { bank: v.bank, accountNumber: v.accountNumber, ...(anyOf('accountName') && { accountName: v.accountName }) },
      }),
    };
  });
  for (const { row, v } of subsidies) {
    const i = typeof v.idNumber === 'string' ? byPerson.get(v.idNumber.toUpperCase()) : undefined;
    if (i === undefined) {
      problems.push({
        field: `${subsidySheet!.name}!${row}.身份证号码`,
        reason: `is not on the ${mastersSheet.name} sheet: each paid instalment belongs to a master listed there`,
      });
      continue;
    }
    origin.subsidyRows[i].push(row);
    body[i].subsidiesPaid.push({ instalment: whole(v.instalment), reference: v.reference, paidOn: v.paidOn });
  }
  if (problems.length) throw new SheetProblem(problems);
  if (!body.length) throw new SheetProblem([{ field: 'file', reason: `the ${mastersSheet.name} sheet lists no master` }]);
  return { body: { masters: body }, origin };
}

/** Renames a refusal's fields (`masters.3.subsidiesPaid.1.paidOn`) to the cells they came from (`补贴发放!5.支付日期`). */
export function toCells(fields: FieldError[], origin: SheetOrigin): FieldError[] {
  return fields.map((f) => {
    const m = /^masters\.(\d+)\.(?:subsidiesPaid\.(\d+)\.)?(.+)$/.exec(f.field);
    if (!m) return f;
    const [i, j, rest] = [Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3]];
    if (j !== null) return { field: `${SUBSIDIES_SHEET}!${origin.subsidyRows[i]?.[j]}.${header(SUBSIDY_COLUMNS, rest)}`, reason: f.reason };
    const key = { 'bonusPaid.reference': 'bonusReference', 'bonusPaid.paidOn': 'bonusPaidOn', 'bankAccount.bank': 'bank' }[rest] ?? rest.replace(/^bankAccount\./, '');
    return { field: `${MASTERS_SHEET}!${origin.masterRows[i]}.${header(MASTER_COLUMNS, key)}`, reason: f.reason };
  });
}

function header(columns: Columns, key: string): string {
  return columns.find(([k]) => k === key)?.[1] ?? key;
}

/** The sheet's rows below the header as records by field name, with their row numbers; blank rows skipped. */
function records(sheet: ReadSheet, columns: Columns, problems: FieldError[]): Array<{ row: number; v: Record<string, TableCell> }> {
  const heads = (sheet.rows[0] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const keys = heads.map((h) => columns.find(([key, label]) => h === label || h.toLowerCase() === key.toLowerCase())?.[0] ?? null);
  heads.forEach(
    (h, c) => h && !keys[c] && problems.push({ field: `${sheet.name}!1`, reason: `column "${h}" is not one of the template's: ${columns.map(([, l]) => l).join(', ')}` }),
  );
  for (const [key, label] of columns) {
    const required = columns === SUBSIDY_COLUMNS || ['name', 'idNumber', 'employer', 'trade', 'industry', 'roundYear', 'commendedOn'].includes(key);
    if (required && !keys.includes(key)) problems.push({ field: `${sheet.name}!1`, reason: `the column ${label} is missing` });
  }
  const out: Array<{ row: number; v: Record<string, TableCell> }> = [];
  sheet.rows.slice(1).forEach((cells, r) => {
    const v: Record<string, TableCell> = {};
    keys.forEach((key, c) => key && (v[key] = clean(cells[c] ?? null)));
    if (Object.values(v).some((x) => x !== null)) out.push({ row: r + 2, v });
  });
  return out;
}

function clean(cell: TableCell): TableCell {
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell.trim();
  // An ID or account number typed into a number cell: 18 digits do not survive as a number, and the
  // ID number's check digit will say so; shorter numbers read back as their digits.
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : cell.toString();
  return cell;
}

const whole = (v: TableCell | undefined) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

function industryCode(v: TableCell | undefined): TableCell | undefined {
  const byLabel = Object.entries(INDUSTRY_LABELS).find(([, label]) => label === v);
  return byLabel ? byLabel[0] : v;
}
