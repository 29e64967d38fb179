import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

type Entry = {
  action: string;
  sentence: string;
  changes: { label: string; before: string; after: string }[];
};

describeEachEngine('issue 16 item 5: master data, the operator’s support view and reactivation', (app) => {
  it("the company's admin edits name, invoice address, email, buyer reference and Peppol endpoint; audited in words", async () => {
    const { client, company } = await createCompany(app(), { name: 'Gammelt Navn AS' });
    const before = await client.get('/api/company/master-data');
    expect(before.body).toMatchObject({
      orgNumber: company.orgNumber,
      name: 'Gammelt Navn AS',
      invoiceAddress: { street: 'Gata 1', postalCode: '4630', city: 'Kristiansand' },
      invoiceEmail: null,
      buyerReference: null,
      peppolEndpoint: `0192:${company.orgNumber}`,
    });
    const r = await client.patch('/api/company/master-data', {
      name: 'Nytt Navn AS',
      invoiceAddress: { street: 'Markens gate 2', postalCode: '4611', city: 'Kristiansand' },
      invoiceEmail: 'faktura@nytt.example',
      buyerReference: 'PO-4711',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'Nytt Navn AS',
      invoiceAddress: { street: 'Markens gate 2', postalCode: '4611' },
      invoiceEmail: 'faktura@nytt.example',
      buyerReference: 'PO-4711',
    });
    const [entry] = (await client.get('/api/company/audit?action=company.master_data_updated')).body
      .items as Entry[];
    expect(entry!.sentence).toMatch(/ endret bedriftens navn eller fakturaopplysninger$/);
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { label: 'Navn', before: 'Gammelt Navn AS', after: 'Nytt Navn AS' },
        { label: 'Fakturareferanse (EHF)', before: 'ingen', after: 'PO-4711' },
      ]),
    );
    expect(entry!.changes.map((c) => c.label)).not.toContain('Poststed');
    // A bad postcode, a bad e-mail, an organisation number failing MOD11 or an empty patch: 400, nothing changed.
    for (const bad of [
      { invoiceAddress: { street: 'x', postalCode: '46', city: 'y' } },
      { invoiceEmail: 'ikke-epost' },
      { peppolEndpoint: '0192:123456789' },
      { peppolEndpoint: 'noe tull' },
      { peppolEndpoint: '1234:974760673' },
      {},
    ]) {
      const refused = await client.patch('/api/company/master-data', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await client.get('/api/company/master-data')).body.name).toBe('Nytt Navn AS');
  });

  it('the next invoice carries the new name, buyer reference and Peppol endpoint; an issued one keeps its own', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company, adminEmail } = await createCompany(app(), { name: 'Før AS' });
    await createSubscription(app(), { companyId: company.id, startDate: '2026-12-01' });
    app().setNow('2027-02-02T10:00:00+01:00');
    const op = await operator(app());
    const client = new TestClient(app().server);
    await client.login(adminEmail, 'admin-password-1234');
    const december = (await op.post('/api/operator/billing-runs', { month: '2026-12' })).body.invoices[0];
    await op.patch(`/api/operator/companies/${company.id}/master-data`, {
      name: 'Etter AS',
      buyerReference: 'Avd. 7',
      peppolEndpoint: '0192:974760673',
    });
    expect((await op.get(`/api/operator/companies/${company.id}/master-data`)).body).toMatchObject({
      name: 'Etter AS',
      buyerReference: 'Avd. 7',
      peppolEndpoint: '0192:974760673',
    });
    const january = (await op.post('/api/operator/billing-runs', { month: '2027-01' })).body.invoices[0];
    const oldXml = (await client.get(`/api/company/invoices/${december.id}/ehf`)).text;
    const newXml = (await client.get(`/api/company/invoices/${january.id}/ehf`)).text;
    expect(oldXml).toContain('Før AS');
    expect(oldXml).toContain(`<cbc:EndpointID schemeID="0192">${company.orgNumber}</cbc:EndpointID>`);
    expect(newXml).toContain('Etter AS');
    expect(newXml).toContain('<cbc:BuyerReference>Avd. 7</cbc:BuyerReference>');
    expect(newXml).toContain('<cbc:EndpointID schemeID="0192">974760673</cbc:EndpointID>');
    // The operator's change stands in the company's own log, said by the operator.
    const audit = (await client.get('/api/company/audit?action=company.master_data_updated')).body.items;
    expect(audit[0].actorType).toBe('operator');
  });

  it('one company cannot reach another: the admin edits only the own company and cannot use the operator route', async () => {
    const a = await createCompany(app());
    const b = await createCompany(app(), { name: 'Bedrift B AS' });
    await a.client.patch('/api/company/master-data', { name: 'Bare A AS' });
    expect((await b.client.get('/api/company/master-data')).body.name).toBe('Bedrift B AS');
    expect(
      (await a.client.patch(`/api/operator/companies/${b.company.id}/master-data`, { name: 'x' })).status,
    ).toBe(403);
    const op = await operator(app());
    const unknown = await op.patch(
      '/api/operator/companies/00000000-0000-0000-0000-000000000000/master-data',
      {
        name: 'x',
      },
    );
    expect(unknown.status).toBe(404);
    expect((await op.patch('/api/operator/companies/not-a-uuid/master-data', { name: 'x' })).status).toBe(
      404,
    );
  });

  it("the operator sees a company's subscriptions read-only, and can reactivate a deactivated company", async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { client, company } = await createCompany(app());
    const sub = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-01',
      firstName: 'Ola',
      lastName: 'Hansen',
    });
    const op = await operator(app());
    const list = await op.get(`/api/operator/companies/${company.id}/subscriptions?limit=10`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: sub.id, firstName: 'Ola', lastName: 'Hansen' }),
    ]);
    expect(
      (await op.get('/api/operator/companies/00000000-0000-0000-0000-000000000000/subscriptions')).status,
    ).toBe(404);
    expect((await client.get(`/api/operator/companies/${company.id}/subscriptions`)).status).toBe(403);

    await op.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true });
    const refused = await client.patch('/api/company/master-data', { name: 'Mens deaktivert AS' });
    expect(refused.body.error.code).toBe('COMPANY_DEACTIVATED');
    const again = await op.post(`/api/operator/companies/${company.id}/reactivate`, {});
    expect(again.body).toEqual({ companyId: company.id, alreadyActive: false });
    expect((await op.post(`/api/operator/companies/${company.id}/reactivate`, {})).body.alreadyActive).toBe(
      true,
    );
    expect((await op.get(`/api/operator/companies/${company.id}`)).body).toMatchObject({
      status: 'active',
      deactivatedAt: null,
    });
    expect((await client.patch('/api/company/master-data', { name: 'Tilbake AS' })).status).toBe(200);
    // Rule 10: the subscription the deactivation ended stays ended at the end of January.
    const after = (await client.get(`/api/company/subscriptions/${sub.id}`)).body;
    expect(after.endDate).toBe('2027-01-31');
    const log = (await client.get('/api/company/audit?action=company.reactivated')).body.items as Entry[];
    expect(log[0]!.sentence).toMatch(/aktiverte bedriften igjen$/);
  });
});
