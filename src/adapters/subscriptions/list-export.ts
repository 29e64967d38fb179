import ExcelJS from 'exceljs';
import { csvField } from '../invoice/csv';

/** A table as the list export lays it out: a header and rows of text cells. */
export type ListTable = { sheetName: string; header: string[]; rows: string[][] };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first; OWASP "CSV injection")
 * gets a leading apostrophe; a phone number in E.164 (+4791234567) stays as it is.
 */
export function neutraliseFormula(value: string): string {
  if (/^\+\d+$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Item 16.6: the list as CSV: semicolons, UTF-8 with BOM, CRLF (as the payroll export). */
export function listToCsv(table: ListTable): string {
  const lines = [table.header, ...table.rows].map((r) =>
    r.map((c) => csvField(neutraliseFormula(c))).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
