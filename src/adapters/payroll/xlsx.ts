import ExcelJS from 'exceljs';
import { type PayrollSheet, payrollTable, type SheetCell } from './table';

const KRONER = '#,##0.00';
const DATE = 'dd.mm.yyyy';
const MONTH = 'yyyy-mm';
const TEXT = '@';

/** A calendar date as Excel's date (midnight UTC of that day, which exceljs writes as the serial). */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d ?? 1));
}

/** A number field as typed: "00789" shows as 00789 (a number with a zero-padded format). */
function typedFormat(typed: string): string {
  const [whole = '', decimals] = typed.replace('-', '').split(/[.,]/);
  const int = whole.startsWith('0') && whole.length > 1 ? '0'.repeat(whole.length) : '0';
  return decimals ? `${int}.${'0'.repeat(decimals.length)}` : int;
}

function write(cell: ExcelJS.Cell, c: SheetCell) {
  switch (c.kind) {
    case 'text':
      cell.value = c.value;
      cell.numFmt = TEXT;
      return;
    case 'number':
      cell.value = c.value;
      return;
    case 'money':
      cell.value = c.ore / 100;
      cell.numFmt = KRONER;
      return;
    case 'typedNumber':
      cell.value = c.value;
      cell.numFmt = typedFormat(c.text);
      return;
    case 'date':
      cell.value = excelDate(c.iso);
      cell.numFmt = DATE;
      return;
    case 'month':
      cell.value = excelDate(c.month);
      cell.numFmt = MONTH;
      return;
    case 'empty':
      return;
  }
}

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
  ws.addRow(header).font = { bold: true };
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2);
    cells.forEach((c, j) => {
      write(row.getCell(j + 1), c);
    });
  });
  ws.columns.forEach((col) => {
    col.width = 16;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

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
    write(sum.getRow(2).getCell(j + 1), c);
  });
  sum.columns.forEach((col) => {
    col.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
