import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { invoiceLines, invoices } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { validateEhf } from '../support/ehf/validate';
import { ADMIN_PASSWORD, createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const tag = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<cbc:${name}[^>]*>([^<]*)</cbc:${name}>`, 'g'))].map((m) => m[1]!);
const lineCosts = (xml: string) =>
  [...xml.matchAll(/<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<\/cac:(?:Invoice|CreditNote)Line>/g)].map(
    (m) => /<cbc:AccountingCost>([^<]*)</.exec(m[0])?.[1] ?? null,
  );

type Invoice = {
  id: string;
  number: number;
  totalOre: number;
  department: { name: string; costCentre: string } | null;
  buyerReference: string;
};

/** A company with departments Salg (own reference and address) and Drift, and January's subscriptions. */
async function companyWithDepartments(app: TestApp) {
  const made = await createCompany(app, { name: 'Avdelingsbedrift AS' });
  await made.client.patch('/api/company/master-data', { buyerReference: 'FIRMA-1' });
  const salg = (
    await made.client.post('/api/company/departments', {
      name: 'Salg',
      costCentre: '4100',
      buyerReference: 'SALG-77',
      invoiceAddress: { street: 'Salgsveien 1', postalCode: '4611', city: 'Kristiansand' },
    })
  ).body;
  const drift = (await made.client.post('/api/company/departments', { name: 'Drift', costCentre: '4200' }))
    .body;
  const sub = (firstName: string, departmentId: string | null, zoneIds = ['kristiansand']) =>
    createSubscription(app, {
      companyId: made.company.id,
      startDate: '2027-01-01',
      firstName,
      lastName: 'Ansatt',
      departmentId,
      zoneIds,
    });
  await sub('Kari', salg.id);
  await sub('Anne', salg.id, ['kristiansand', 'vennesla']);
  await sub('Ola', drift.id);
  await sub('Liv', null);
  return { ...made, salg, drift };
}

describeEachEngine('issue 16 item 3: invoices by department, cost centre per line (BT-133)', (app) => {
  it('one invoice for all: lines grouped by department (Drift, Salg, then none) with the cost centre on each line in the EHF, subtotals in the PDF and departments in the CSV', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { client: setup, company, adminEmail } = await companyWithDepartments(app());
    app().setNow('2027-02-01T10:00:00+01:00');
    // A new sign-in: the setup's session has expired over the fortnight.
    const client = new TestClient(app().server);
    await client.login(adminEmail, ADMIN_PASSWORD);
    const run = await (await operator(app())).post('/api/operator/billing-runs', { month: '2027-01' });
    const mine = run.body.invoices.filter((i: { companyId: string }) => i.companyId === company.id);
    expect(mine).toHaveLength(1);
    const lines = await app()
      .ctx.db.select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, mine[0].id))
      .orderBy(asc(invoiceLines.lineNo));
    expect(lines.map((l) => [l.holderName, l.departmentName, l.costCentre])).toEqual([
      ['Ola Ansatt', 'Drift', '4200'],
      ['Anne Ansatt', 'Salg', '4100'],
      ['Kari Ansatt', 'Salg', '4100'],
      ['Liv Ansatt', null, null],
    ]);
    const ehf = await client.get(`/api/company/invoices/${mine[0].id}/ehf`);
    expect(ehf.status, ehf.text).toBe(200);
    const xml = ehf.text;
    expect(lineCosts(xml)).toEqual(['4200', '4100', '4100', null]);
    expect(tag(xml, 'BuyerReference')).toEqual(['FIRMA-1']);
    const pdf = await client.get(`/api/company/invoices/${mine[0].id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const csv = (await client.get(`/api/company/invoices/${mine[0].id}/csv`)).text.slice(1).split('\r\n');
    expect(csv[0]!.split(';').slice(-2)).toEqual(['avdeling', 'koststed']);
    expect(csv.some((r) => r.includes('Ola Ansatt') && r.endsWith(';Drift;4200'))).toBe(true);
    const list = (await client.get('/api/company/invoices')).body.items as Invoice[];
    expect(list[0]).toMatchObject({ department: null, buyerReference: 'FIRMA-1' });
  });

  it('one invoice per department: consecutive numbers, each its own buyer reference (BT-10) and address; a re-run bills nothing twice; a credited department invoice is reissued alone; every EHF passes the official rules', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { client: setup, company, adminEmail } = await companyWithDepartments(app());
    const set = await setup.patch('/api/company/settings', { invoiceSplit: 'department' });
    expect(set.status).toBe(200);
    expect(set.body.invoiceSplit).toBe('department');
    app().setNow('2027-02-01T10:00:00+01:00');
    // A new sign-in: the setup's session has expired over the fortnight.
    const client = new TestClient(app().server);
    await client.login(adminEmail, ADMIN_PASSWORD);
    const op = await operator(app());
    const first = await op.post('/api/operator/billing-runs', { month: '2027-01' });
    expect(first.status).toBe(200);
    const again = await op.post('/api/operator/billing-runs', { month: '2027-01' });
    expect(again.body.invoices).toEqual(first.body.invoices);

    const list = ((await client.get('/api/company/invoices')).body.items as Invoice[]).sort(
      (a, b) => a.number - b.number,
    );
    // The company's own invoice (no department) first, then by department name.
    expect(list.map((i) => [i.department?.name ?? null, i.buyerReference, i.totalOre])).toEqual([
      [null, 'FIRMA-1', 79000],
      ['Drift', 'FIRMA-1', 79000],
      ['Salg', 'SALG-77', 79000 + 109000],
    ]);
    const numbers = list.map((i) => i.number);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);

    const salgInvoice = list[2]!;
    const salgXml = (await client.get(`/api/company/invoices/${salgInvoice.id}/ehf`)).text;
    expect(tag(salgXml, 'BuyerReference')).toEqual(['SALG-77']);
    expect(tag(salgXml, 'StreetName')).toContain('Salgsveien 1');
    expect(lineCosts(salgXml)).toEqual(['4100', '4100']);
    const salgPdf = await client.get(`/api/company/invoices/${salgInvoice.id}/pdf`);
    expect(salgPdf.status).toBe(200);

    // Rule 11 per department: crediting Salg's invoice reissues Salg's alone, numbers without a gap.
    const credited = await op.post(`/api/operator/invoices/${salgInvoice.id}/credit`, {
      reason: 'Ny referanse',
    });
    expect(credited.status).toBe(200);
    expect(credited.body.creditNote.number).toBe(numbers[2]! + 1);
    expect(credited.body.invoice).toMatchObject({ number: numbers[2]! + 2, totalOre: 79000 + 109000 });
    const again2 = await op.post(`/api/operator/invoices/${salgInvoice.id}/credit`, { reason: 'dobbelt' });
    expect(again2.body).toEqual(credited.body);
    const live = await app().ctx.db.select().from(invoices).where(eq(invoices.companyId, company.id));
    expect(live.filter((i) => i.kind === 'invoice' && i.creditedAt === null)).toHaveLength(3);

    const creditXml = (await client.get(`/api/company/invoices/${credited.body.creditNote.id}/ehf`)).text;
    expect(lineCosts(creditXml)).toEqual(['4100', '4100']);
    const documents: Record<string, string> = { 'credit-note': creditXml };
    for (const i of list)
      documents[`invoice-${i.number}`] = (await client.get(`/api/company/invoices/${i.id}/ehf`)).text;
    const verdicts = validateEhf(documents);
    expect(Object.keys(verdicts)).toHaveLength(4);
    for (const [name, verdict] of Object.entries(verdicts)) {
      expect(verdict.xsdErrors, name).toEqual([]);
      expect(verdict.fatal, name).toEqual([]);
    }
  }, 600_000);
});
