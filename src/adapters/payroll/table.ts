import type { PayrollBasis } from '../../domain/payroll';
import { fieldCell, type SheetCell, textCell } from '../files/sheet';

/** The payroll-deduction basis of a company and month (rule 12), as the exports lay it out. */
export type PayrollSheet = PayrollBasis;

export type { SheetCell } from '../files/sheet';

export const PAYROLL_HEADERS = {
  before: ['Måned', 'Status', 'Fornavn', 'Etternavn', 'Mobil'],
  after: [
    'Billett',
    'Fra',
    'Til',
    'Dager gyldig',
    'Full pris',
    'Bedriftens andel',
    'Lønnstrekk',
    'Skattepliktig fordel',
    // Issue 15 item 2: a raised deduction the employee has not agreed to may not be deducted
    // yet; the file says so and names the amount agreed (hostile check: exports had no mark).
    'Samtykke mangler',
    'Godkjent trekk',
  ],
};

const text = textCell;
const money = (ore: number): SheetCell => ({ kind: 'money', ore });

/**
 * The header and one row per employee and subscription, shared by the CSV and XLSX exports. Only
 * data rows: the totals are not a row (the XLSX has them on a sheet of their own).
 */
export function payrollTable(sheet: PayrollSheet): { header: string[]; rows: SheetCell[][] } {
  const status = sheet.final ? 'endelig' : 'foreløpig';
  const header = [
    ...PAYROLL_HEADERS.before,
    ...sheet.fieldColumns.map((f) => f.label),
    ...PAYROLL_HEADERS.after,
  ];
  const rows = sheet.rows.map((r): SheetCell[] => [
    { kind: 'month', month: sheet.month },
    text(status),
    text(r.firstName),
    text(r.lastName),
    text(r.phone),
    ...sheet.fieldColumns.map((f) => fieldCell(f.type, r.fields[f.key])),
    text(r.ticket),
    { kind: 'date', iso: r.startDate },
    r.endDate ? { kind: 'date', iso: r.endDate } : { kind: 'empty' },
    { kind: 'number', value: r.daysValid },
    money(r.priceOre),
    money(r.companyShareOre),
    money(r.deductionOre),
    money(r.taxableBenefitOre),
    r.consentMissing ? text('Ja') : { kind: 'empty' },
    r.consentMissing && r.consentedDeductionOre !== null ? money(r.consentedDeductionOre) : { kind: 'empty' },
  ]);
  return { header, rows };
}
