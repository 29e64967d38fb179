import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/each-engine';
import { createSubscription } from '../support/factories';
import { employeeClient, orderingCompany } from './employee-support';

describeEachEngine('issue 15 item 4: "Dine abonnement" shows what the ticket costs the employee', (app) => {
  it('each subscription has the monthly price, the company share, the own deduction and the ticket link', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), { subsidy: { type: 'percent', value: 50 } });
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const employee = await employeeClient(app(), company.orderToken, sub.phone);
    const r = await employee.client.get('/api/me/subscriptions');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((s: { id: string }) => s.id === sub.id);
    // January, voksen 1 zone: 790 kr, half paid by the company.
    expect(mine).toMatchObject({
      status: 'active',
      monthlyPriceOre: 79_000,
      companyShareOre: 39_500,
      deductionOre: 39_500,
    });
    expect(mine.ticketPath).toBe('/billett');
  });

  it('an ended ticket has no link any more', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company, client } = await orderingCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    expect((await client.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'now' })).status).toBe(
      200,
    );
    app().setNow('2027-01-15T10:05:00+01:00');
    const employee = await employeeClient(app(), company.orderToken, sub.phone);
    const mine = (await employee.client.get('/api/me/subscriptions')).body.items[0];
    expect(mine.status).toBe('ended');
    expect(mine.ticketPath).toBeNull();
  });
});
