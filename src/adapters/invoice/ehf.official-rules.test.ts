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

// Issue 16 item 3: one invoice for all with lines grouped by department, each carrying its cost
// centre (BT-133); a department's own invoice with its buyer reference and own address; its credit note.
const inDepartment = (
  line: ReturnType<typeof ticketLine>,
  departmentName: string | null,
  costCentre: string | null,
) => ({
  ...line,
  departmentName,
  costCentre,
});
const grouped = invoiceDocument([
  inDepartment(ticketLine('Ola Drift', 'Voksen, 1 sone', 81_400), 'Drift', '4200'),
  inDepartment(ticketLine('Kari Salg', 'Voksen, 2 soner', 112_900), 'Salg & «Marked»', 'KS-4100/A'),
  inDepartment(ticketLine('Per Salg', 'Ungdom, 1 sone', 40_700), 'Salg & «Marked»', 'KS-4100/A'),
  inDepartment(ticketLine('Liv Uten', 'Voksen, 1 sone', 81_400), null, null),
]);
const departmentInvoice = invoiceDocument(
  [
    inDepartment(ticketLine('Kari Salg', 'Voksen, 2 soner', 112_900), 'Salg', '4100'),
    inDepartment(ticketLine('Per Salg', 'Ungdom, 1 sone', 40_700), 'Salg', '4100'),
  ],
  {
    number: 1003,
    buyer: {
      orgNumber: '123456785',
      name: 'Testbedrift AS',
      street: 'Salgsveien 1',
      postalCode: '4611',
      city: 'Kristiansand',
      reference: 'SALG-77',
    },
    department: { name: 'Salg', costCentre: '4100' },
  },
);
const departmentCredit = invoiceDocument(departmentInvoice.lines, {
  ...departmentInvoice,
  kind: 'credit_note',
  number: 1004,
  note: 'Feil avdeling',
  credits: { number: 1003, issueDate: '2027-02-01' },
});

const documents = {
  invoice: invoiceToEhf(invoice),
  'credit-note': invoiceToEhf(credit),
  'many-lines': invoiceToEhf(many),
  'several-categories': invoiceToEhf(categories),
  'special-characters': invoiceToEhf(special),
  'department-lines': invoiceToEhf(grouped),
  'department-invoice': invoiceToEhf(departmentInvoice),
  'department-credit-note': invoiceToEhf(departmentCredit),
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

  it.each([
    'invoice',
    'credit-note',
    'many-lines',
    'several-categories',
    'special-characters',
    'department-lines',
    'department-invoice',
    'department-credit-note',
  ])('%s passes the UBL 2.1 XSD and the CEN and Peppol Schematron with no fatal rule', (name) => {
    expect(verdicts[name]!.xsdErrors).toEqual([]);
    expect(verdicts[name]!.fatal).toEqual([]);
  });

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

  it('issue 16 item 3: each line of a department carries its cost centre as BT-133 (cbc:AccountingCost), a line without one none; a department invoice its own buyer reference (BT-10)', () => {
    const costs = (xml: string) =>
      [...xml.matchAll(/<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<\/cac:(?:Invoice|CreditNote)Line>/g)].map(
        (m) => /<cbc:AccountingCost>([^<]*)</.exec(m[0])?.[1] ?? null,
      );
    expect(costs(documents['department-lines'])).toEqual(['4200', 'KS-4100/A', 'KS-4100/A', null]);
    expect(costs(documents['department-credit-note'])).toEqual(['4100', '4100']);
    expect(documents['department-invoice']).toContain('<cbc:BuyerReference>SALG-77</cbc:BuyerReference>');
    expect(documents['department-invoice']).toContain('<cbc:StreetName>Salgsveien 1</cbc:StreetName>');
    for (const name of ['department-lines', 'department-invoice', 'department-credit-note'])
      expect(
        verdicts[name]!.warnings.map((w) => w.rule),
        name,
      ).not.toContain('PEPPOL-EN16931-R008');
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
