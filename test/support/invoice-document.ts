import type { InvoiceDocument } from '../../src/domain/billing';
import { invoiceAmounts, splitGross } from '../../src/domain/money';

type Line = InvoiceDocument['lines'][number];

/** An invoice document as the billing use cases build it, for adapter tests (PDF, EHF, CSV). */
export function invoiceDocument(
  lines: Omit<Line, 'lineNo' | 'subscriptionId'>[],
  over: Partial<InvoiceDocument> = {},
): InvoiceDocument {
  // The totals as the billing run makes them (VAT on the sum of the nets, BT-114 the rest).
  const { total } = invoiceAmounts(lines.map((l) => l.grossOre));
  return {
    kind: 'invoice',
    number: 1001,
    month: '2027-01',
    issueDate: '2027-02-01',
    dueDate: '2027-02-15',
    kid: '0010010',
    note: null,
    credits: null,
    seller: {
      orgNumber: '974760673',
      vatId: 'NO974760673MVA',
      name: 'Agder Kollektivtrafikk AS',
      street: 'Tordenskjolds gate 9',
      postalCode: '4612',
      city: 'Kristiansand',
      countryCode: 'NO',
      email: 'faktura@example.no',
      phone: '38000000',
      bankAccount: '12345678903',
      paymentTermsDays: 14,
    },
    buyer: {
      orgNumber: '123456785',
      name: 'Testbedrift AS',
      street: 'Gata 1',
      postalCode: '4630',
      city: 'Kristiansand',
      reference: 'Kari Kontakt',
    },
    lines: lines.map((l, i) => ({
      ...l,
      lineNo: i + 1,
      subscriptionId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    })),
    netOre: total.netOre,
    vatOre: total.vatOre,
    roundingOre: total.roundingOre,
    totalOre: total.payableOre,
    ...over,
  };
}

/** A line of a ticket of `grossOre` with 12 % VAT included. */
export function ticketLine(holderName: string, description: string, grossOre: number) {
  return { holderName, description, ...splitGross(grossOre) };
}
