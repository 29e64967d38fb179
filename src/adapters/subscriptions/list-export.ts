import ExcelJS from 'exceljs';
import { writeCsv } from '../files/csv-writer';
import { csvCellOf, fillSheet, type SheetCell } from '../files/sheet';

/** A table as the list export lays it out: a header and rows of typed cells. */
export type ListTable = { sheetName: string; header: string[]; rows: SheetCell[][] };

/**
 * Item 16.6: the list as CSV through the product's one CSV writer (formula text neutralised,
 * numbers kept numbers; semicolons, UTF-8 with BOM, CRLF).
 */
export function listToCsv(table: ListTable): string {
  return writeCsv([table.header, ...table.rows.map((r) => r.map(csvCellOf))]);
}

/**
 * A part of the list's CSV (issue 17 item 3: made page by page): with `header`, the file's start
 * (BOM and header line) before the rows. Parts joined in order are listToCsv of all the rows.
 */
export function listCsvPart(header: string[] | null, rows: SheetCell[][]): string {
  const cells = rows.map((r) => r.map(csvCellOf));
  return header ? writeCsv([header, ...cells]) : writeCsv(cells, { bom: false });
}

/**
 * Item 16.6 and issue 14 item 5: the list as an Excel workbook with cells typed by meaning (dates
 * as dates, phones and text as text, number fields as numbers shown as typed), never a formula.
 */
export async function listToXlsx(table: ListTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  fillSheet(book.addWorksheet(table.sheetName), table.header, table.rows, 18);
  return Buffer.from(await book.xlsx.writeBuffer());
}
