import ExcelJS from 'exceljs';
import { fieldText, PAYROLL_HEADERS, type PayrollSheet } from './csv';

const KRONER = '#,##0.00';

/** Rule 12: the basis as an Excel workbook, amounts as numbers in kroner. */
export async function payrollToXlsx(sheet: PayrollSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bedriftsbillett';
  const ws = book.addWorksheet(`Lønnstrekk ${sheet.month}`);
  const header = [
    ...PAYROLL_HEADERS.before,
    ...sheet.fieldColumns.map((f) => f.label),
    ...PAYROLL_HEADERS.after,
  ];
  ws.addRow(header).font = { bold: true };
  const status = sheet.final ? 'endelig' : 'foreløpig';
  const kr = (ore: number) => ore / 100;
  for (const r of sheet.rows) {
    ws.addRow([
      sheet.month,
      status,
      r.firstName,
      r.lastName,
      r.phone,
      ...sheet.fieldColumns.map((f) => fieldText(r.fields[f.key])),
      r.ticket,
      r.startDate,
      r.endDate ?? '',
      r.daysValid,
      kr(r.priceOre),
      kr(r.companyShareOre),
      kr(r.deductionOre),
      kr(r.taxableBenefitOre),
    ]);
  }
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
