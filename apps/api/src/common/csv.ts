import type { Table, TableCell } from './table';

/** Excel reads a CSV as the local code page (GBK on Chinese Windows) unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return, that
 * it strips before doing so): a name like `=HYPERLINK(...)` typed into a form must stay text (OWASP
 * "CSV injection"). Such a cell is prefixed with an apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 writes it: numbers as they are, text guarded against formulas and quoted when it must be. */
export function csvCell(value: TableCell, decimals?: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? (decimals === undefined ? String(value) : value.toFixed(decimals)) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text: a header line, then one line per row, CRLF-separated. */
export function csvText(table: Table): string {
  const lines = [table.columns.map((c) => csvCell(c.header)), ...table.rows.map((row) => row.map((cell, i) => csvCell(cell, table.columns[i]?.decimals)))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** The file to send: UTF-8 with a byte order mark, so Excel shows Chinese correctly. */
export function csvFile(table: Table): Buffer {
  return Buffer.from(BOM + csvText(table), 'utf8');
}
