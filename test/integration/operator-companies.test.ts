import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

describeEachEngine('operator: companies (issue 7 item 3)', (app) => {
  it('search by name or organisation number shows status, active tickets, monthly amount and contacts', async () => {
    const { company, adminEmail } = await createCompany(app(), { name: 'Sørlandets Sykkelverksted AS' });
    await createCompany(app(), { name: 'Annen Bedrift AS' });
    await createSubscription(app(), {
      companyId: company.id,
      categoryId: 'voksen',
      zoneIds: ['arendal'],
      startDate: '2027-01-15',
    });
    await createSubscription(app(), {
      companyId: company.id,
      categoryId: 'barn',
      zoneIds: ['arendal', 'froland', 'grimstad', 'risor'],
      startDate: '2027-01-15',
    });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01', state: 'pending' });
    const client = await operator(app());

    const byName = await client.get('/api/operator/companies?q=sykkel');
    expect(byName.status).toBe(200);
    expect(byName.body.items).toHaveLength(1);
    const item = byName.body.items[0];
    expect(item).toMatchObject({
      id: company.id,
      name: 'Sørlandets Sykkelverksted AS',
      status: 'active',
      activeTickets: 2,
      pendingOrders: 1,
      // January at the 2026 prices: voksen 1 zone 790 kr + barn 3+ zones (4 zones) 695 kr.
      monthlyAmountOre: 79_000 + 69_500,
    });
    expect(item.contacts).toEqual([expect.objectContaining({ email: adminEmail, status: 'active' })]);
    const byOrg = await client.get(`/api/operator/companies?q=${company.orgNumber.slice(0, 6)}`);
    expect(byOrg.body.items.map((c: { id: string }) => c.id)).toContain(company.id);
    const detail = await client.get(`/api/operator/companies/${company.id}`);
    expect(detail.body).toMatchObject({
      orgNumber: company.orgNumber,
      invoiceAddress: { city: 'Kristiansand' },
    });
    expect((await client.get('/api/operator/companies/00000000-0000-0000-0000-000000000000')).status).toBe(
      404,
    );
    expect((await client.get('/api/operator/companies/not-a-uuid')).status).toBe(404);
  });

  it('deactivating a company stops the order link at once and ends live tickets at the end of the month', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await createCompany(app(), { selfService: 'manual' });
    const live = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-15' });
    const upcoming = await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
    const pending = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      state: 'pending',
    });
    const orderPage = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(orderPage.status).toBe(200);
    const client = await operator(app());

    const unconfirmed = await client.post(`/api/operator/companies/${company.id}/deactivate`, {});
    expect([unconfirmed.status, unconfirmed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const r = await client.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      companyId: company.id,
      alreadyDeactivated: false,
      endDate: '2027-01-31',
      cancelled: 2,
      ending: 1,
    });

    expect((await new TestClient(app().server).get(`/api/order/${company.orderToken}`)).status).toBe(404);
    const rows = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.companyId, company.id));
    const byId = new Map(rows.map((s) => [s.id, s]));
    expect(byId.get(live.id)).toMatchObject({ state: 'approved', endDate: '2027-01-31' });
    expect(byId.get(upcoming.id)?.state).toBe('cancelled');
    expect(byId.get(pending.id)?.state).toBe('cancelled');
    expect((await client.get(`/api/operator/companies/${company.id}`)).body.status).toBe('deactivated');

    const again = await client.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true });
    expect(again.body).toMatchObject({ alreadyDeactivated: true, cancelled: 0, ending: 0 });
    const audit = await app()
      .ctx.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'company.deactivated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLabel).toBe(OPERATOR.email);
  });

  it("a company admin cannot reach the operator's company pages, nor can a stranger", async () => {
    const { company, client: companyAdmin } = await createCompany(app());
    expect((await companyAdmin.get('/api/operator/companies')).status).toBe(403);
    expect((await companyAdmin.get(`/api/operator/companies/${company.id}`)).status).toBe(403);
    expect(
      (await companyAdmin.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true })).status,
    ).toBe(403);
    expect((await new TestClient(app().server).get('/api/operator/companies')).status).toBe(401);
  });
});
