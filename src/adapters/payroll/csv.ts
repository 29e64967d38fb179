import { type CsvCell, writeCsv } from '../files/csv-writer';
import { type PayrollSheet, payrollTable, type SheetCell } from './table';

function csvCell(c: SheetCell): CsvCell {
  switch (c.kind) {
    case 'text':
      return c.value;
    case 'number':
      return c.value;
    case 'money':
      return { ore: c.ore };
    case 'typedNumber':
      return { numberText: c.text };
    case 'date':
      return c.iso;
    case 'month':
      return c.month;
    case 'empty':
      return null;
  }
}

/**
 * Rule 12: the basis as CSV for Norwegian payroll systems: semicolons, UTF-8 with BOM, decimal
 * comma, through the one CSV writer (formula-safe). Data rows only: no sum row a payroll import
 * could read as an employee.
 */
export function payrollToCsv(sheet: PayrollSheet): string {
  const { header, rows } = payrollTable(sheet);
  return writeCsv([header, ...rows.map((r) => r.map(csvCell))], { delimiter: ';', decimalComma: true });
}
