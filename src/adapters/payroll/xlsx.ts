import ExcelJS from 'exceljs';
import { type PayrollSheet, payrollTable } from './table';

const KRONER = '#,##0.00';

/** Rule 12: the basis as an Excel workbook, amounts as numbers in kroner. */
export async function payrollToXlsx(sheet: PayrollSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  const ws = book.addWorksheet(`Lønnstrekk ${sheet.month}`);
  const kr = (ore: number) => ore / 100;
  const { header, rows } = payrollTable(sheet, kr);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  const t = sheet.totals;
  const sum = new Array(header.length).fill(null);
  sum[2] = 'Sum';
  sum.splice(
    header.length - 4,
    4,
    kr(t.priceOre),
    kr(t.companyShareOre),
    kr(t.deductionOre),
    kr(t.taxableBenefitOre),
  );
  ws.addRow(sum).font = { bold: true };
  for (let c = header.length - 3; c <= header.length; c++) ws.getColumn(c).numFmt = KRONER;
  ws.columns.forEach((col) => {
    col.width = 16;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
