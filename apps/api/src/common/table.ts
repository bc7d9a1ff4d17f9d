/** A cell of an exported table: text, a number, or empty. Dates arrive already written in local time. */
export type TableCell = string | number | null;

export interface TableColumn {
  header: string;
  /** Width in characters, for the spreadsheet. */
  width?: number;
  /** Digits after the decimal point for a numeric column (money in yuan: 2); numbers are written with exactly that many. */
  decimals?: number;
  /** Kept as text in a spreadsheet even when it looks like a number (an ID or account number). */
  text?: boolean;
}

/** What the CSV and Excel writers share: headers and rows, nothing about either format. */
export interface Table {
  columns: TableColumn[];
  rows: TableCell[][];
}
