import { StreamableFile } from '@nestjs/common';
import { csvFile } from './csv';
import type { Table } from './table';
import { XLSX_CONTENT_TYPE, xlsxFile } from './xlsx';

/** A table ready to download: its bytes, type and file name. */
export interface ExportFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

export function csvExport(table: Table, basename: string): ExportFile {
  return { content: csvFile(table), contentType: 'text/csv; charset=utf-8', filename: `${basename}.csv` };
}

export async function xlsxExport(sheetName: string, table: Table, basename: string): Promise<ExportFile> {
  return { content: await xlsxFile(sheetName, table), contentType: XLSX_CONTENT_TYPE, filename: `${basename}.xlsx` };
}

/** The reply that makes a browser save the file. */
export function download(file: ExportFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.content.length,
  });
}
