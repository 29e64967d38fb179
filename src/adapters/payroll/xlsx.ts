import ExcelJS from 'exceljs';
import { fillSheet, type SheetCell, writeXlsxCell } from '../files/sheet';
import { type PayrollSheet, payrollTable } from './table';

/**
 * Rule 12: the basis as an Excel workbook. Cells typed by meaning: amounts numbers in kroner,
 * dates real dates, the month a date shown as yyyy-mm, phones and text fields text, number fields
 * numbers shown as typed. The data sheet holds only employees; the totals are on the sheet "Sum".
 */
export async function payrollToXlsx(sheet: PayrollSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  const ws = book.addWorksheet(`Lønnstrekk ${sheet.month}`);
  const { header, rows } = payrollTable(sheet);
  fillSheet(ws, header, rows);

  const sum = book.addWorksheet('Sum');
  const t = sheet.totals;
  sum.addRow([
    'Måned',
    'Status',
    'Antall',
    'Full pris',
    'Bedriftens andel',
    'Lønnstrekk',
    'Skattepliktig fordel',
  ]).font = { bold: true };
  const totals: SheetCell[] = [
    { kind: 'month', month: sheet.month },
    { kind: 'text', value: sheet.final ? 'endelig' : 'foreløpig' },
    { kind: 'number', value: t.count },
    { kind: 'money', ore: t.priceOre },
    { kind: 'money', ore: t.companyShareOre },
    { kind: 'money', ore: t.deductionOre },
    { kind: 'money', ore: t.taxableBenefitOre },
  ];
  totals.forEach((c, j) => {
    writeXlsxCell(sum.getRow(2).getCell(j + 1), c);
  });
  sum.columns.forEach((col) => {
    col.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
