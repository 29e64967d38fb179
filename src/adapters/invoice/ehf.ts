import type { InvoiceDocument } from '../../domain/billing';
import { lastDayOfMonth } from '../../domain/calendar';
import { VAT_PERCENT } from '../../domain/money';

/*
 * EHF = Peppol BIS Billing 3.0, UBL 2.1 Invoice / CreditNote. Written with the small builder below
 * (elements in the order the UBL schema requires).
 */
export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
/** Norwegian organisation numbers in Peppol (EndpointID and legal entity scheme). */
const ORGNR_SCHEME = '0192';

type Node = { name: string; attrs: Record<string, string>; children: Node[]; text: string | null };
type Child = Node | null | undefined | false | '';

/** Characters XML 1.0 does not allow (control characters, U+FFFE/FFFF, lone surrogates). */
const NOT_XML_1_0 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML 1.0 character data: disallowed characters left out, the five specials escaped. */
export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML_1_0, '')
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
    );
}

/** An element with child elements (null/false children are left out). */
export function el(name: string, attrs: Record<string, string>, ...children: Child[]): Node {
  return { name, attrs, children: children.filter((c): c is Node => !!c), text: null };
}

/** An element holding text. */
export function leaf(name: string, text: string | number, attrs: Record<string, string> = {}): Node {
  return { name, attrs, children: [], text: String(text) };
}

export function render(node: Node, indent = ''): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.text !== null) return `${indent}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`;
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  const inner = node.children.map((c) => render(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

/** øre → '1234.50' */
export function amount(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const money = (name: string, ore: number) => leaf(name, amount(ore), { currencyID: 'NOK' });
const vatScheme = () => el('cac:TaxScheme', {}, leaf('cbc:ID', 'VAT'));
const taxCategory = (name: string) =>
  el(name, {}, leaf('cbc:ID', 'S'), leaf('cbc:Percent', VAT_PERCENT), vatScheme());

function address(a: { street: string; city: string; postalCode: string; countryCode?: string }) {
  return el(
    'cac:PostalAddress',
    {},
    a.street && leaf('cbc:StreetName', a.street),
    a.city && leaf('cbc:CityName', a.city),
    a.postalCode && leaf('cbc:PostalZone', a.postalCode),
    el('cac:Country', {}, leaf('cbc:IdentificationCode', a.countryCode ?? 'NO')),
  );
}

function supplier(d: InvoiceDocument) {
  const s = d.seller;
  return el(
    'cac:AccountingSupplierParty',
    {},
    el(
      'cac:Party',
      {},
      leaf('cbc:EndpointID', s.orgNumber, { schemeID: ORGNR_SCHEME }),
      el('cac:PartyName', {}, leaf('cbc:Name', s.name)),
      address(s),
      el('cac:PartyTaxScheme', {}, leaf('cbc:CompanyID', s.vatId), vatScheme()),
      el(
        'cac:PartyTaxScheme',
        {},
        leaf('cbc:CompanyID', 'Foretaksregisteret'),
        el('cac:TaxScheme', {}, leaf('cbc:ID', 'TAX')),
      ),
      el(
        'cac:PartyLegalEntity',
        {},
        leaf('cbc:RegistrationName', s.name),
        leaf('cbc:CompanyID', s.orgNumber, { schemeID: ORGNR_SCHEME }),
      ),
      el('cac:Contact', {}, leaf('cbc:Telephone', s.phone), leaf('cbc:ElectronicMail', s.email)),
    ),
  );
}

function customer(d: InvoiceDocument) {
  const b = d.buyer;
  return el(
    'cac:AccountingCustomerParty',
    {},
    el(
      'cac:Party',
      {},
      leaf('cbc:EndpointID', b.endpoint?.id ?? b.orgNumber, { schemeID: b.endpoint?.scheme ?? ORGNR_SCHEME }),
      el('cac:PartyName', {}, leaf('cbc:Name', b.name)),
      address(b),
      el(
        'cac:PartyLegalEntity',
        {},
        leaf('cbc:RegistrationName', b.name),
        leaf('cbc:CompanyID', b.orgNumber, { schemeID: ORGNR_SCHEME }),
      ),
    ),
  );
}

function line(d: InvoiceDocument, l: InvoiceDocument['lines'][number]) {
  const credit = d.kind === 'credit_note';
  return el(
    credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
    {},
    leaf('cbc:ID', l.lineNo),
    leaf(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', 1, { unitCode: 'MON' }),
    money('cbc:LineExtensionAmount', l.netOre),
    // EN 16931 BT-133, the buyer's accounting reference: the department's cost centre (issue 16 item 3).
    l.costCentre && leaf('cbc:AccountingCost', l.costCentre),
    el(
      'cac:Item',
      {},
      leaf('cbc:Description', l.holderName),
      leaf('cbc:Name', l.description),
      l.subscriptionId && el('cac:SellersItemIdentification', {}, leaf('cbc:ID', l.subscriptionId)),
      taxCategory('cac:ClassifiedTaxCategory'),
    ),
    el('cac:Price', {}, money('cbc:PriceAmount', l.netOre)),
  );
}

/** The EHF (Peppol BIS Billing 3.0) XML of an invoice or credit note. */
export function invoiceToEhf(d: InvoiceDocument): string {
  const credit = d.kind === 'credit_note';
  const root = credit ? 'CreditNote' : 'Invoice';
  const lineNet = d.lines.reduce((sum, l) => sum + l.netOre, 0);
  const doc = el(
    root,
    { xmlns: NS[root], 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc },
    leaf('cbc:CustomizationID', CUSTOMIZATION_ID),
    leaf('cbc:ProfileID', PROFILE_ID),
    leaf('cbc:ID', d.number),
    leaf('cbc:IssueDate', d.issueDate),
    !credit && leaf('cbc:DueDate', d.dueDate),
    leaf(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? 381 : 380),
    leaf('cbc:Note', d.note ? `Bedriftsbillett ${d.month}. ${d.note}` : `Bedriftsbillett ${d.month}`),
    leaf('cbc:DocumentCurrencyCode', 'NOK'),
    leaf('cbc:BuyerReference', d.buyer.reference),
    el(
      'cac:InvoicePeriod',
      {},
      leaf('cbc:StartDate', `${d.month}-01`),
      leaf('cbc:EndDate', lastDayOfMonth(d.month)),
    ),
    d.credits &&
      el(
        'cac:BillingReference',
        {},
        el(
          'cac:InvoiceDocumentReference',
          {},
          leaf('cbc:ID', d.credits.number),
          leaf('cbc:IssueDate', d.credits.issueDate),
        ),
      ),
    supplier(d),
    customer(d),
    !credit &&
      el(
        'cac:PaymentMeans',
        {},
        leaf('cbc:PaymentMeansCode', 30, { name: 'Credit transfer' }),
        leaf('cbc:PaymentID', d.kid),
        el('cac:PayeeFinancialAccount', {}, leaf('cbc:ID', d.seller.bankAccount)),
      ),
    !credit && el('cac:PaymentTerms', {}, leaf('cbc:Note', `${d.seller.paymentTermsDays} dager netto`)),
    el(
      'cac:TaxTotal',
      {},
      money('cbc:TaxAmount', d.vatOre),
      el(
        'cac:TaxSubtotal',
        {},
        money('cbc:TaxableAmount', d.netOre),
        money('cbc:TaxAmount', d.vatOre),
        taxCategory('cac:TaxCategory'),
      ),
    ),
    el(
      'cac:LegalMonetaryTotal',
      {},
      money('cbc:LineExtensionAmount', lineNet),
      money('cbc:TaxExclusiveAmount', d.netOre),
      money('cbc:TaxInclusiveAmount', d.netOre + d.vatOre),
      // BT-114: present only when splitting each line on its own left øre over (BR-CO-16).
      d.roundingOre !== 0 && money('cbc:PayableRoundingAmount', d.roundingOre),
      money('cbc:PayableAmount', d.totalOre),
    ),
    ...d.lines.map((l) => line(d, l)),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(doc)}\n`;
}
