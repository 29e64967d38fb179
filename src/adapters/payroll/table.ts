import type { PayrollBasis } from '../../domain/payroll';

/** The payroll-deduction basis of a company and month (rule 12), as the exports lay it out. */
export type PayrollSheet = PayrollBasis;

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

function fieldText(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  return String(value);
}

/**
 * The header and one row per employee and subscription, shared by the CSV and XLSX exports;
 * `money` writes an amount in øre as the format wants it (text with a decimal comma, or kroner).
 */
export function payrollTable<M>(sheet: PayrollSheet, money: (ore: number) => M) {
  const status = sheet.final ? 'endelig' : 'foreløpig';
  const header = [
    ...PAYROLL_HEADERS.before,
    ...sheet.fieldColumns.map((f) => f.label),
    ...PAYROLL_HEADERS.after,
  ];
  const rows = sheet.rows.map((r) => [
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
    money(r.priceOre),
    money(r.companyShareOre),
    money(r.deductionOre),
    money(r.taxableBenefitOre),
  ]);
  return { status, header, rows };
}
