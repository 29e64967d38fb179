import { writeCsv } from '../files/csv-writer';
import { csvCellOf } from '../files/sheet';
import { type PayrollSheet, payrollTable } from './table';

/**
 * Rule 12: the basis as CSV for Norwegian payroll systems: semicolons, UTF-8 with BOM, decimal
 * comma, through the one CSV writer (formula-safe). Data rows only: no sum row a payroll import
 * could read as an employee.
 */
export function payrollToCsv(sheet: PayrollSheet): string {
  const { header, rows } = payrollTable(sheet);
  return writeCsv([header, ...rows.map((r) => r.map(csvCellOf))], { delimiter: ';', decimalComma: true });
}
