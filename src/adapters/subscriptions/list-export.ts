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
 * Item 16.6 and issue 14 item 5: the list as an Excel workbook with cells typed by meaning (dates
 * as dates, phones and text as text, number fields as numbers shown as typed), never a formula.
 */
export async function listToXlsx(table: ListTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  fillSheet(book.addWorksheet(table.sheetName), table.header, table.rows, 18);
  return Buffer.from(await book.xlsx.writeBuffer());
}
