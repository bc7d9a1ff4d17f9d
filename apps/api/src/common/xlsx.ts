import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { Table, TableCell } from './table';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The table as an Excel workbook of one sheet: a bold, frozen header row with filters. This file is
 * the only place that knows exceljs. Text goes in as text cells, never as formulas, so a value like
 * `=1+1` shows as written and no apostrophe guard is needed here.
 */
export async function xlsxFile(sheetName: string, table: Table): Promise<Buffer> {
  return xlsxWorkbook([{ name: sheetName, table }]);
}

/** Several tables, one sheet each, in order. */
export async function xlsxWorkbook(sheets: Array<{ name: string; table: Table }>): Promise<Buffer> {
  const workbook = new Workbook();
  for (const { name, table } of sheets) addSheet(workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] }), table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(sheet: Worksheet, table: Table): void {
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  table.columns.forEach((c, i) => {
    if (c.decimals !== undefined) sheet.getColumn(i + 1).numFmt = c.decimals ? `0.${'0'.repeat(c.decimals)}` : '0';
    // A column of text stays text when typed into (ID numbers, account numbers: 18 digits are not a number).
    if (c.text) sheet.getColumn(i + 1).numFmt = '@';
  });
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/** A sheet as read back: its name and its rows of plain values (row 1 first), dates as YYYY-MM-DD. */
export interface ReadSheet {
  name: string;
  rows: TableCell[][];
}

/** Reads an uploaded workbook; throws when the bytes are not an .xlsx file. */
export async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook.worksheets.map((sheet) => {
    const rows: TableCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as CellValue[]).slice(1);
      rows[n - 1] = values.map(plain);
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** A cell's value as the user sees it: rich text and formulas as their text or result, a date as its calendar day. */
function plain(v: CellValue): TableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  // Excel keeps a date as the day itself; exceljs hands it over as that day at 00:00 UTC.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return plain(v.result as CellValue);
  if ('text' in v) return String(v.text);
  return null;
}
