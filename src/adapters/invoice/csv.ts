import type { InvoiceDocument } from '../../domain/billing';
import { formatOreDecimalComma } from '../../domain/money';

/** A CSV field: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number, separator = ';'): string {
  const s = String(value);
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The invoice lines as CSV for the company's accounts: semicolon-separated, UTF-8 with BOM,
 * decimal comma (what Norwegian spreadsheets and accounting systems read). A credit note's
 * amounts are negative.
 */
export function invoiceToCsv(d: InvoiceDocument): string {
  const sign = d.kind === 'credit_note' ? -1 : 1;
  const kr = (ore: number) => formatOreDecimalComma(sign * ore);
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
  ];
  const kind = d.kind === 'credit_note' ? 'kreditnota' : 'faktura';
  const rows = d.lines.map((l) => [
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
  ]);
  rows.push([d.number, kind, d.month, '', '', 'Sum', '', kr(d.netOre), kr(d.vatOre), kr(d.totalOre)]);
  return `\uFEFF${[header, ...rows].map((r) => r.map((f) => csvField(f)).join(';')).join('\r\n')}\r\n`;
}
