import type { InvoiceDocument } from '../../domain/billing';
import { type CsvCell, writeCsv } from '../files/csv-writer';

/**
 * The invoice lines as CSV for the company's accounts: semicolon-separated, UTF-8 with BOM,
 * decimal comma, through the one CSV writer (formula-safe). A credit note's amounts are negative.
 * The data rows are lines only; after a blank row, a section with its own header holds the
 * invoice's totals (so no total is read as a line).
 */
export function invoiceToCsv(d: InvoiceDocument): string {
  const sign = d.kind === 'credit_note' ? -1 : 1;
  const kr = (ore: number) => ({ ore: sign * ore });
  const kind = d.kind === 'credit_note' ? 'kreditnota' : 'faktura';
  // Issue 16 item 3: when any line has a department, each line names it and its cost centre.
  const departments = d.lines.some((l) => l.departmentName || l.costCentre);
  const header = [
    'fakturanr',
    'type',
    'måned',
    'linje',
    'abonnement',
    'navn',
    'beskrivelse',
    'netto',
    'mva',
    'brutto',
    ...(departments ? ['avdeling', 'koststed'] : []),
  ];
  const lines: CsvCell[][] = d.lines.map((l) => [
    d.number,
    kind,
    d.month,
    l.lineNo,
    l.subscriptionId ?? '',
    l.holderName,
    l.description,
    kr(l.netOre),
    kr(l.vatOre),
    kr(l.grossOre),
    ...(departments ? [l.departmentName ?? '', l.costCentre ?? ''] : []),
  ]);
  const totals: CsvCell[][] = [
    ['fakturanr', 'type', 'måned', 'antall linjer', 'sum netto', 'sum mva', 'øreavrunding', 'å betale'],
    [d.number, kind, d.month, d.lines.length, kr(d.netOre), kr(d.vatOre), kr(d.roundingOre), kr(d.totalOre)],
  ];
  return writeCsv([header, ...lines, [], ...totals], { delimiter: ';', decimalComma: true });
}
