import { beforeAll, describe, expect, it } from 'vitest';
import { type Verdict, validateEhf } from '../../../test/support/ehf/validate';
import { invoiceDocument, ticketLine } from '../../../test/support/invoice-document';
import { invoiceToEhf } from './ehf';

/**
 * Issue 14, item 8: every kind of EHF the product writes passes the official rules (UBL 2.1 XSD,
 * CEN EN 16931 and Peppol BIS Billing 3.0 Schematron), and a broken copy fails them.
 */
const invoice = invoiceDocument([
  ticketLine('Kari Nordmann', 'Voksen, 1 sone', 81_400),
  ticketLine('Ola Hansen', 'Voksen, 1 sone', 81_400),
]);
const many = invoiceDocument(
  Array.from({ length: 150 }, (_, i) => ticketLine(`Ansatt ${i + 1}`, 'Voksen, 2 soner', 112_900)),
);
const categories = invoiceDocument([
  ticketLine('Kari Nordmann', 'Voksen, 1 sone', 81_400),
  ticketLine('Per Ung', 'Ungdom, 2 soner', 56_500),
  ticketLine('Liv Honnør', 'Honnør, 3+ soner', 72_000),
  ticketLine('Barn Barnesen', 'Barn, 1 sone', 40_700),
]);
const special = invoiceDocument(
  [ticketLine('Åse Ødegård <Æ & "Ø"> \'Å\'', 'Voksen & «Ung», 1 sone', 81_400)],
  {
    buyer: {
      orgNumber: '123456785',
      name: 'Bølgen & Moi <Sørlandet> "AS"',
      street: 'Ærlig gate 1\u0007',
      postalCode: '4630',
      city: 'Kristiansand',
      reference: 'Øystein \u0000 Åsen',
    },
    note: 'Rettet: "pris" < før & > etter',
  },
);
const credit = invoiceDocument([ticketLine('Kari Nordmann', 'Voksen, 1 sone', 81_400)], {
  kind: 'credit_note',
  number: 1002,
  note: 'Glemt abonnement',
  credits: { number: 1001, issueDate: '2027-02-01' },
});

const documents = {
  invoice: invoiceToEhf(invoice),
  'credit-note': invoiceToEhf(credit),
  'many-lines': invoiceToEhf(many),
  'several-categories': invoiceToEhf(categories),
  'special-characters': invoiceToEhf(special),
  // Broken copies: the check must fail them, or it proves nothing.
  'broken-total': invoiceToEhf(invoice).replace(
    /<cbc:PayableAmount currencyID="NOK">[^<]+</,
    '<cbc:PayableAmount currencyID="NOK">1.00<',
  ),
  'broken-schema': invoiceToEhf(invoice).replace(
    '<cbc:IssueDate>',
    '<cbc:Unknown>x</cbc:Unknown><cbc:IssueDate>',
  ),
};

describe('EHF checked with the official rules (issue 14, item 8)', { timeout: 600_000 }, () => {
  let verdicts: Record<string, Verdict>;
  beforeAll(() => {
    verdicts = validateEhf(documents);
  }, 600_000);

  it.each(['invoice', 'credit-note', 'many-lines', 'several-categories', 'special-characters'])(
    '%s passes the UBL 2.1 XSD and the CEN and Peppol Schematron with no fatal rule',
    (name) => {
      expect(verdicts[name]!.xsdErrors).toEqual([]);
      expect(verdicts[name]!.fatal).toEqual([]);
    },
  );

  it('issue 14 item 7: 150 equal lines keep equal amounts and the invoice carries the rounding amount (BT-114)', () => {
    // 1 129 kr each: net 1 008,04 and the same on every line; VAT on the sum; −0,72 to pay the prices.
    const xml = documents['many-lines'];
    const lineAmounts = [...xml.matchAll(/<cbc:LineExtensionAmount currencyID="NOK">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(new Set(lineAmounts.slice(1))).toEqual(new Set(['1008.04']));
    expect(xml).toContain('<cbc:PayableRoundingAmount currencyID="NOK">-0.72</cbc:PayableRoundingAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="NOK">169350.00</cbc:PayableAmount>');
    expect(verdicts['many-lines']!.fatal).toEqual([]);
    // An invoice whose lines leave no øre over has no rounding element.
    expect(documents['credit-note']).not.toContain('PayableRoundingAmount');
  });

  it('a copy with a wrong payable amount fails the Schematron (BR-CO-16), a copy with an unknown element the XSD', () => {
    expect(verdicts['broken-total']!.fatal.map((p) => p.rule)).toContain('BR-CO-16');
    expect(verdicts['broken-schema']!.xsdErrors.join('\n')).toMatch(/Unknown/);
  });

  it('the writer keeps only characters XML 1.0 allows, and escapes the special ones', () => {
    const xml = documents['special-characters'];
    expect(xml.includes('\u0000') || xml.includes('\u0007')).toBe(false);
    expect(xml).toContain('Åse Ødegård &lt;Æ &amp; &quot;Ø&quot;&gt; &apos;Å&apos;');
  });
});
