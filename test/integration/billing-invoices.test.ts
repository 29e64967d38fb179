import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, invoices } from '../../src/db/schema';
import { isValidKid } from '../../src/domain/invoice-kid';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const tag = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<cbc:${name}[^>]*>([^<]*)</cbc:${name}>`, 'g'))].map((m) => m[1]!);
const ore = (s: string) => Math.round(Number(s) * 100);

describeEachEngine(
  'invoices: credit, outputs and tenancy (issue 6)',
  (app) => {
    let a: Awaited<ReturnType<typeof createCompany>>;
    let b: Awaited<ReturnType<typeof createCompany>>;
    let invoiceA: { id: string; number: number; totalOre: number };
    let invoiceB: { id: string };

    it('setup: two companies billed for January', async () => {
      a = await createCompany(app(), { name: 'Alfa & Co AS' });
      b = await createCompany(app());
      await createSubscription(app(), {
        companyId: a.company.id,
        startDate: '2027-01-01',
        firstName: 'Åse',
        lastName: 'Ødegård',
      });
      await createSubscription(app(), {
        companyId: a.company.id,
        startDate: '2027-01-01',
        zoneIds: ['arendal', 'grimstad', 'froland'],
      });
      await createSubscription(app(), { companyId: b.company.id, startDate: '2027-01-01' });
      const r = await (await operator(app())).post('/api/operator/billing-runs', { month: '2027-01' });
      invoiceA = r.body.invoices.find((i: { companyId: string }) => i.companyId === a.company.id);
      invoiceB = r.body.invoices.find((i: { companyId: string }) => i.companyId === b.company.id);
      expect(invoiceA.totalOre).toBe(79000 + 139000);
    });

    it('the company sees only its own invoices, with total and VAT', async () => {
      const r = await a.client.get('/api/company/invoices');
      expect(r.status).toBe(200);
      expect(r.body.items).toHaveLength(1);
      expect(r.body.items[0]).toMatchObject({
        id: invoiceA.id,
        month: '2027-01',
        number: invoiceA.number,
        totalOre: 218000,
      });
      expect(r.body.items[0].vatOre).toBe(218000 - Math.round((218000 * 100) / 112));
    });

    it("another company's invoice is 404 in every format", async () => {
      for (const format of ['pdf', 'ehf', 'csv']) {
        const r = await a.client.get(`/api/company/invoices/${invoiceB.id}/${format}`);
        expect(r.status).toBe(404);
        expect(r.body.error.code).toBe('NOT_FOUND');
      }
    });

    it('EHF: Peppol BIS Billing 3.0 with seller VAT id, endpoint 0192, buyer reference, VAT S 12 %, KID and totals that reconcile', async () => {
      const r = await a.client.get(`/api/company/invoices/${invoiceA.id}/ehf`);
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toMatch(/xml/);
      const xml = r.text;
      expect(xml).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"');
      expect(tag(xml, 'CustomizationID')).toEqual([
        'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
      ]);
      expect(tag(xml, 'ProfileID')).toEqual(['urn:fdc:peppol.eu:2017:poacc:billing:01:1.0']);
      expect(tag(xml, 'InvoiceTypeCode')).toEqual(['380']);
      expect(tag(xml, 'CompanyID')).toContain('NO987654325MVA');
      expect(xml).toContain('<cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>');
      expect(xml).toContain(`<cbc:EndpointID schemeID="0192">${a.company.orgNumber}</cbc:EndpointID>`);
      expect(tag(xml, 'BuyerReference')[0]).toBeTruthy();
      expect(xml).toContain('Alfa &amp; Co AS');
      expect(tag(xml, 'Percent')).toEqual(['12', '12', '12']);
      expect(tag(xml, 'PaymentID')).toHaveLength(1);
      expect(isValidKid(tag(xml, 'PaymentID')[0]!)).toBe(true);

      const lineNets = [
        ...xml.matchAll(/<cac:InvoiceLine>[\s\S]*?<cbc:LineExtensionAmount currencyID="NOK">([\d.]+)</g),
      ].map((m) => ore(m[1]!));
      expect(lineNets).toHaveLength(2);
      const [lineTotal, taxExclusive, taxInclusive, payable] = [
        'LineExtensionAmount',
        'TaxExclusiveAmount',
        'TaxInclusiveAmount',
        'PayableAmount',
      ].map((n) => ore(tag(xml, n)[0]!));
      // The first LineExtensionAmount in document order is the document total.
      expect(lineTotal).toBe(lineNets.reduce((s, n) => s + n, 0));
      expect(taxExclusive).toBe(lineTotal);
      const [taxAmount, subtotalTax] = tag(xml, 'TaxAmount').map(ore);
      expect(ore(tag(xml, 'TaxableAmount')[0]!)).toBe(taxExclusive);
      expect(subtotalTax).toBe(taxAmount);
      expect(taxInclusive).toBe(taxExclusive! + taxAmount!);
      expect(payable).toBe(218000);
      expect(Math.abs(taxAmount! - Math.round(taxExclusive! * 0.12))).toBeLessThanOrEqual(1);
    });

    it('PDF and CSV download; the CSV is semicolon-separated UTF-8 with BOM and decimal comma', async () => {
      const pdf = await a.client.get(`/api/company/invoices/${invoiceA.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.text.startsWith('%PDF')).toBe(true);
      expect(String(pdf.headers['content-disposition'])).toContain(`faktura-${invoiceA.number}.pdf`);
      const csv = await a.client.get(`/api/company/invoices/${invoiceA.id}/csv`);
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      const rows = csv.text.slice(1).trim().split('\r\n');
      expect(rows[0]!.split(';')).toContain('brutto');
      expect(rows.some((r) => r.includes('Åse Ødegård') && r.endsWith(';790,00'))).toBe(true);
      expect(rows.at(-1)!.endsWith(';2180,00')).toBe(true);
    });

    it('rule 11: a correction is a credit note for the invoice plus a new invoice from the current data', async () => {
      await createSubscription(app(), {
        companyId: a.company.id,
        startDate: '2027-01-20',
        categoryId: 'honnor',
      });
      const op = await operator(app());
      const r = await op.post(`/api/operator/invoices/${invoiceA.id}/credit`, { reason: 'Glemt abonnement' });
      expect(r.status).toBe(200);
      expect(r.body.creditNote).toMatchObject({ kind: 'credit_note', totalOre: 218000 });
      expect(r.body.invoice).toMatchObject({ totalOre: 218000 + 39500 });
      const numbers = [r.body.creditNote.number, r.body.invoice.number];
      const [max] = (await app().ctx.db.select({ n: invoices.number }).from(invoices))
        .map((x) => x.n)
        .sort((x, y) => y - x);
      expect(numbers).toEqual([max! - 1, max]);

      const [original] = await app().ctx.db.select().from(invoices).where(eq(invoices.id, invoiceA.id));
      expect(original!.creditedAt).not.toBeNull();
      expect(original!.totalOre).toBe(218000);

      const again = await op.post(`/api/operator/invoices/${invoiceA.id}/credit`, { reason: 'dobbeltklikk' });
      expect(again.body).toEqual(r.body);

      const ehf = await a.client.get(`/api/company/invoices/${r.body.creditNote.id}/ehf`);
      expect(ehf.text).toContain(
        '<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
      );
      expect(ehf.text).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
      expect(ehf.text).toMatch(
        new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${invoiceA.number}</cbc:ID>`),
      );

      const audit = await app()
        .ctx.db.select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, invoiceA.id), eq(auditLog.action, 'invoice.credited')));
      expect(audit).toHaveLength(1);
      const list = await a.client.get('/api/company/invoices');
      expect(list.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual([
        'credit_note',
        'invoice',
        'invoice',
      ]);
    });

    it('a credit note cannot be credited (409), an unknown invoice is 404, a reason is required (400)', async () => {
      const op = await operator(app());
      const [note] = await app()
        .ctx.db.select()
        .from(invoices)
        .where(eq(invoices.creditsInvoiceId, invoiceA.id));
      const r = await op.post(`/api/operator/invoices/${note!.id}/credit`, { reason: 'x' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('INVOICE_NOT_CREDITABLE');
      expect(
        (await op.post('/api/operator/invoices/00000000-0000-4000-8000-000000000000/credit', { reason: 'x' }))
          .status,
      ).toBe(404);
      expect((await op.post(`/api/operator/invoices/${invoiceB.id}/credit`, { reason: '  ' })).status).toBe(
        400,
      );
    });

    it('the operator sees all invoices of a month with totals (invoiced minus credited)', async () => {
      const r = await (await operator(app())).get('/api/operator/invoices?month=2027-01');
      expect(r.status).toBe(200);
      const sum = r.body.items.reduce(
        (s: number, i: { kind: string; totalOre: number }) =>
          s + (i.kind === 'credit_note' ? -1 : 1) * i.totalOre,
        0,
      );
      expect(r.body.totals.totalOre).toBe(sum);
      expect(r.body.totals.creditNotes).toBe(1);
      expect((await (await operator(app())).get(`/api/operator/invoices/${invoiceB.id}/pdf`)).status).toBe(
        200,
      );
    });
  },
  { now: '2027-02-01T07:00:00+01:00' },
);
