import ExcelJS from 'exceljs';
import { writeCsv } from '../files/csv-writer';

/** A table as the list export lays it out: a header and rows of text cells. */
export type ListTable = { sheetName: string; header: string[]; rows: string[][] };

/** Item 16.6: the list as CSV through the product's one CSV writer (formula cells neutralised; semicolons, UTF-8 with BOM, CRLF). */
export function listToCsv(table: ListTable): string {
  return writeCsv([table.header, ...table.rows]);
}

/** Item 16.6: the list as an Excel workbook; every cell is text, never a formula. */
export async function listToXlsx(table: ListTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  const ws = book.addWorksheet(table.sheetName);
  ws.addRow(table.header).font = { bold: true };
  for (const row of table.rows) ws.addRow(row);
  ws.columns.forEach((col) => {
    col.width = 18;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
