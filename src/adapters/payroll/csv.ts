import { formatOreDecimalComma } from '../../domain/money';
import { csvField } from '../invoice/csv';

export type PayrollSheet = {
  month: string;
  final: boolean;
  fieldColumns: { key: string; label: string }[];
  rows: {
    firstName: string;
    lastName: string;
    phone: string;
    fields: Record<string, string | number | boolean>;
    ticket: string;
    startDate: string;
    endDate: string | null;
    daysValid: number;
    priceOre: number;
    companyShareOre: number;
    deductionOre: number;
    taxableBenefitOre: number;
  }[];
  totals: { priceOre: number; companyShareOre: number; deductionOre: number; taxableBenefitOre: number };
};

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

export function fieldText(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  return String(value);
}

/** Rule 12: the basis as CSV for Norwegian payroll systems: semicolons, UTF-8 with BOM, decimal comma. */
export function payrollToCsv(sheet: PayrollSheet): string {
  const status = sheet.final ? 'endelig' : 'foreløpig';
  const kr = formatOreDecimalComma;
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
    kr(r.priceOre),
    kr(r.companyShareOre),
    kr(r.deductionOre),
    kr(r.taxableBenefitOre),
  ]);
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
