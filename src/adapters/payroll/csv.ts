import { formatOreDecimalComma } from '../../domain/money';
import { csvField } from '../invoice/csv';
import { PAYROLL_HEADERS, type PayrollSheet, payrollTable } from './table';

/** Rule 12: the basis as CSV for Norwegian payroll systems: semicolons, UTF-8 with BOM, decimal comma. */
export function payrollToCsv(sheet: PayrollSheet): string {
  const kr = formatOreDecimalComma;
  const { status, header, rows } = payrollTable<string | number>(sheet, kr);
  const blanks = (n: number) => Array.from({ length: n }, () => '');
  const t = sheet.totals;
  rows.push([
    sheet.month,
    status,
    'Sum',
    ...blanks(PAYROLL_HEADERS.before.length - 3 + sheet.fieldColumns.length + 3),
    String(sheet.rows.length),
    kr(t.priceOre),
    kr(t.companyShareOre),
    kr(t.deductionOre),
    kr(t.taxableBenefitOre),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map((f) => csvField(f)).join(';')).join('\r\n')}\r\n`;
}
