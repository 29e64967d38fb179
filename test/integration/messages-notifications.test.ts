import { expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';
import { employeeClient, latestSms, order, orderingCompany } from './employee-support';

type Message = { kind: string; body: string; subject: string; channel: string };

async function outbox(client: TestClient, to: string): Promise<Message[]> {
  return (await client.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages;
}

describeEachEngine('issue 15: everyone is told, in their language', (app) => {
  it('an order waiting for approval: SMS to the employee, email at once to admins who chose it, none to the others', async () => {
    const { client, company, adminEmail } = await orderingCompany(app(), { selfService: 'manual' });
    const r = await client.put('/api/auth/me/preferences', { language: 'en', newOrderNotice: 'immediate' });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ language: 'en', newOrderNotice: 'immediate' });
    const other = await client.post('/api/company/admins', {
      name: 'Kari Digest',
      email: `digest-${mobile()}@bedrift.example`,
    });
    expect(other.status).toBeLessThan(300);

    const employee = await employeeClient(app(), company.orderToken);
    const ordered = await employee.client.post(
      '/api/me/subscriptions',
      order({ firstName: 'Ola', lastName: 'Nordmann' }),
    );
    expect(ordered.status).toBe(201);
    expect(await latestSms(app(), employee.phone)).toContain('Vi har mottatt bestillingen din');

    const toAdmin = (await outbox(client, adminEmail)).filter((m) => m.kind === 'admin_new_order');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.subject).toContain('New order waiting');
    expect(toAdmin[0]!.body).toContain('Ola Nordmann');
    const toOther = await outbox(client, other.body.email ?? '');
    expect(toOther.filter((m) => m.kind === 'admin_new_order')).toHaveLength(0);
  });

  it('an admin who chose "none" gets no digest; "digest" (the default) gets one', async () => {
    const quiet = await orderingCompany(app(), { selfService: 'manual' });
    await quiet.client.put('/api/auth/me/preferences', { newOrderNotice: 'none' });
    const employee = await employeeClient(app(), quiet.company.orderToken);
    await employee.client.post('/api/me/subscriptions', order());
    const { sendPendingOrdersDigest } = await import('../../src/app/employee/pending-digest');
    await sendPendingOrdersDigest(app().ctx);
    expect(
      (await outbox(quiet.client, quiet.adminEmail)).filter((m) => m.kind === 'pending_digest'),
    ).toHaveLength(0);
  });

  it('the employee cancels: SMS with the last valid day, and the admins get an email', async () => {
    const { client, company, adminEmail } = await orderingCompany(app());
    const phone = mobile();
    await createSubscription(app(), {
      companyId: company.id,
      phone,
      firstName: 'Per',
      lastName: 'Vik',
      startDate: '2027-01-01',
    });
    const employee = await employeeClient(app(), company.orderToken, phone);
    const sub = (await employee.client.get('/api/me/subscriptions')).body.items[0];
    expect((await employee.client.post(`/api/me/subscriptions/${sub.id}/cancel`)).status).toBe(200);
    await employee.client.post(`/api/me/subscriptions/${sub.id}/cancel`);
    const sms = (await outbox(client, employee.phone)).filter((m) => m.kind === 'cancelled_by_employee');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain('31. januar 2027');
    const mail = (await outbox(client, adminEmail)).filter((m) => m.kind === 'admin_employee_cancelled');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain('Per Vik');
  });

  it('a category change SMS says the old ticket ends and the new one replaces it, with the new deduction', async () => {
    const { client, company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const r = await client.post(`/api/company/subscriptions/${sub.id}/change-category`, {
      categoryId: 'honnor',
      effective: 'next_month',
    });
    expect(r.status).toBe(201);
    const sms = await latestSms(app(), sub.phone);
    expect(sms).toContain('Den gamle billetten gjelder til og med 31. januar 2027');
    expect(sms).toContain('erstatter den fra 1. februar 2027');
    expect(sms).toMatch(/Nytt lønnstrekk per måned: [\d ]+ kr/);
    expect(sms).toMatch(/\/billett\/[\w-]+/);
    const all = await outbox(client, sub.phone);
    expect(all.filter((m) => m.kind === 'ticket_approved' && m.body.includes('honnor'))).toHaveLength(0);
    expect(all.filter((m) => m.kind === 'category_changed')).toHaveLength(1);
  });
});
