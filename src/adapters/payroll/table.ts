import type { PayrollBasis } from '../../domain/payroll';

/** The payroll-deduction basis of a company and month (rule 12), as the exports lay it out. */
export type PayrollSheet = PayrollBasis;

/**
 * A cell typed by what it means, so each format writes it right: amounts and numbers as numbers,
 * dates as dates, phones and ids as text (leading zeros and "+" kept), a number field as the
 * employee typed it and as its number.
 */
export type SheetCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'money'; ore: number }
  | { kind: 'typedNumber'; text: string; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'month'; month: string }
  | { kind: 'empty' };

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
  ],
};

const text = (value: string): SheetCell => ({ kind: 'text', value });
const money = (ore: number): SheetCell => ({ kind: 'money', ore });

/** "12,5" or "00789" (as typed) → its number; null when it is not a plain decimal number. */
export function typedNumber(typed: string): number | null {
  return /^-?\d+(?:[.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : null;
}

function fieldCell(type: PayrollSheet['fieldColumns'][number]['type'], value: unknown): SheetCell {
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return text(value ? 'Ja' : 'Nei');
  const typed = String(value);
  const n = type === 'number' ? typedNumber(typed) : null;
  return n === null ? text(typed) : { kind: 'typedNumber', text: typed, value: n };
}

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
  ]);
  return { header, rows };
}
