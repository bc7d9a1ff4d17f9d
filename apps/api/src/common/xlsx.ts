import { Workbook } from 'exceljs';
import type { Table } from './table';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The table as an Excel workbook of one sheet: a bold, frozen header row with filters. The only place
 * that knows exceljs. Text goes in as text cells, never as formulas, so a value like `=1+1` shows as
 * written and no apostrophe guard is needed here.
 */
export async function xlsxFile(sheetName: string, table: Table): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  table.columns.forEach((c, i) => {
    if (c.decimals !== undefined) sheet.getColumn(i + 1).numFmt = c.decimals ? `0.${'0'.repeat(c.decimals)}` : '0';
  });
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
