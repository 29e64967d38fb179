import { describe, expect, it } from 'vitest';
import { invoiceDocument, ticketLine } from '../../../test/support/invoice-document';
import { invoiceToCsv } from './csv';

/** Splits the writer's CRLF rows into cells (no cell here holds a delimiter or a quote). */
function rows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map((r) => r.split(';'));
}

describe('invoice CSV (issue 14 item 7: equal tickets, equal lines)', () => {
  const doc = invoiceDocument(
    Array.from({ length: 7 }, (_, i) =>
      ticketLine(`Ansatt ${String.fromCharCode(65 + i)}`, 'Voksen, 1 sone', 81_400),
    ),
  );

  it('every equal ticket has the same net and VAT, and the totals show the rounding amount (BT-114)', () => {
    const table = rows(invoiceToCsv(doc));
    const lines = table.slice(1, 8);
    expect(new Set(lines.map((r) => r.slice(7, 10).join('|')))).toEqual(new Set(['726,79|87,21|814,00']));
    const totalsHeader = table.findIndex((r) => r[0] === 'fakturanr' && r.includes('øreavrunding'));
    expect(totalsHeader).toBeGreaterThan(0);
    const totals = Object.fromEntries(table[totalsHeader]!.map((k, i) => [k, table[totalsHeader + 1]![i]]));
    // 7 × 726,79 = 5 087,53; VAT 12 % on it 610,50; the prices sum to 5 698,00: rounding −0,03.
    expect(totals).toMatchObject({
      'sum netto': '5087,53',
      'sum mva': '610,50',
      øreavrunding: '-0,03',
      'å betale': '5698,00',
    });
  });
});
