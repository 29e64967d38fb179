import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { ADMIN_PASSWORD, createSubscription, mobile } from '../support/factories';
import { codeIn, employeeClient, freshIp, latestSms, orderingCompany } from './employee-support';

type Row = {
  subscriptionId: string;
  consentMissing: boolean;
  consentedDeductionOre: number | null;
  deductionOre: number;
};

async function payrollRow(client: TestClient, month: string, subscriptionId: string): Promise<Row> {
  const r = await client.get(`/api/company/payroll?month=${month}`);
  expect(r.status).toBe(200);
  const row = (r.body.rows as Row[]).find((x) => x.subscriptionId === subscriptionId);
  if (!row) throw new Error('row missing');
  return row;
}

describeEachEngine('issue 15: messages on company changes and consent to a higher deduction', (app) => {
  it('contract: a zone change "now" that raises the deduction SMSes the new amount in kroner and marks the payroll row until the employee confirms', async () => {
    // 50 % subsidy: 1 zone 790 kr → 395 kr deducted; 3 zones 1 390 kr → 695 kr deducted.
    const { client, company } = await orderingCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
      deductionTerms: '', // the default terms: the deduction follows the price list
    });
    const phone = mobile();
    const sub = await createSubscription(app(), {
      companyId: company.id,
      phone,
      firstName: 'Ola',
      startDate: '2027-01-01',
    });
    const r = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      effective: 'now',
    });
    expect(r.status).toBe(200);
    const sms = await latestSms(app(), sub.phone);
    expect(sms).toContain('695');
    expect(sms).toContain('395');
    expect(sms).toMatch(/\/samtykke\/[\w-]+/);

    // The file the payroll clerk deducts from says so too, with the amount agreed (hostile check).
    const csv = await client.get('/api/company/payroll?month=2027-01&format=csv');
    const line = csv.text.split('\r\n').find((l: string) => l.includes(sub.phone.replace('+47', '')));
    expect(line).toMatch(/;695,00;[^;]*;Ja;395,00$/);
    const marked = await payrollRow(client, '2027-01', sub.id);
    expect(marked).toMatchObject({
      consentMissing: true,
      consentedDeductionOre: 39_500,
      deductionOre: 69_500,
    });

    // A second identical request sends nothing more and opens no second request.
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      effective: 'now',
    });
    const outbox = await client.get(`/api/dev/outbox?to=${encodeURIComponent(sub.phone)}`);
    expect(outbox.body.messages.filter((m: { kind: string }) => m.kind === 'zones_changed')).toHaveLength(1);

    const employee = await employeeClient(app(), company.orderToken, phone);
    const open = await employee.client.get('/api/me/consents');
    expect(open.body.items).toHaveLength(1);
    expect(open.body.items[0]).toMatchObject({ consentedDeductionOre: 39_500, deductionOre: 69_500 });
    expect(open.body.items[0].termsText).toContain('prisliste');
    const confirmed = await employee.client.post(`/api/me/consents/${open.body.items[0].id}/confirm`, {
      deductionOre: 69_500,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', deductionOre: 69_500 });
    expect(confirmed.body.confirmedAt).toBeTruthy();
    // Confirming again is the same consent, not an error.
    const again = await employee.client.post(`/api/me/consents/${open.body.items[0].id}/confirm`, {
      deductionOre: 69_500,
    });
    expect(again.status).toBe(200);

    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({
      consentMissing: false,
      consentedDeductionOre: null,
    });
    const detail = await client.get(`/api/company/subscriptions/${sub.id}`);
    expect(detail.body.history.map((h: { action: string }) => h.action)).toContain(
      'subscription.deduction_consented',
    );
  });

  it('a lower deduction needs no consent; the SMS still names the new amount', async () => {
    const { client, company } = await orderingCompany(app());
    const sub = await createSubscription(app(), {
      companyId: company.id,
      zoneIds: ['kristiansand', 'vennesla'],
      startDate: '2027-01-01',
    });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand'],
      effective: 'next_month',
    });
    const sms = await latestSms(app(), sub.phone);
    expect(sms).toContain('814');
    expect(sms).not.toContain('samtykke');
    expect(await payrollRow(client, '2027-02', sub.id)).toMatchObject({ consentMissing: false });
  });

  it('a raise from next month marks next month only, and going back down withdraws the request', async () => {
    const { client, company } = await orderingCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
    });
    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({ consentMissing: false });
    expect(await payrollRow(client, '2027-02', sub.id)).toMatchObject({
      consentMissing: true,
      consentedDeductionOre: 81_400,
    });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, { zoneIds: ['kristiansand'] });
    expect(await payrollRow(client, '2027-02', sub.id)).toMatchObject({ consentMissing: false });
  });

  it('hostile check: a second raise from next month keeps this month marked; the request asks for the highest amount from the first raised month', async () => {
    const { client, company } = await orderingCompany(app(), { subsidy: { type: 'percent', value: 50 } });
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'now',
    });
    const january = await payrollRow(client, '2027-01', sub.id);
    expect(january.consentMissing).toBe(true);
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      effective: 'next_month',
    });
    // January is still raised and not agreed to: still marked, with the amount agreed before.
    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({
      consentMissing: true,
      consentedDeductionOre: january.consentedDeductionOre,
      deductionOre: january.deductionOre,
    });
    expect((await payrollRow(client, '2027-02', sub.id)).consentMissing).toBe(true);
    // Going back to two zones from next month keeps January's request open too.
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'next_month',
    });
    expect((await payrollRow(client, '2027-01', sub.id)).consentMissing).toBe(true);
  });

  it('contract: ending "now" SMSes the employee "from now"; ending at month end names the last day', async () => {
    const { client, company } = await orderingCompany(app());
    const now = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    expect((await client.post(`/api/company/subscriptions/${now.id}/end`, { effective: 'now' })).status).toBe(
      200,
    );
    expect(await latestSms(app(), now.phone)).toContain('fra nå');
    await client.post(`/api/company/subscriptions/${now.id}/end`, { effective: 'now' });
    const outbox = await client.get(`/api/dev/outbox?to=${encodeURIComponent(now.phone)}`);
    expect(outbox.body.messages.filter((m: { kind: string }) => m.kind === 'ended_by_company')).toHaveLength(
      1,
    );

    const later = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${later.id}/end`, { effective: 'end_of_month' });
    expect(await latestSms(app(), later.phone)).toContain('31. januar 2027');
  });

  it('messages follow the language the employee chose at login (login code, zone change, end)', async () => {
    const { client, company } = await orderingCompany(app());
    const phone = mobile();
    const sub = await createSubscription(app(), { companyId: company.id, phone, startDate: '2027-01-01' });
    const employee = new TestClient(app().server);
    await employee.post(
      `/api/order/${company.orderToken}/otp`,
      { phone, language: 'en' },
      { 'x-forwarded-for': freshIp() },
    );
    const codeSms = await latestSms(app(), sub.phone);
    expect(codeSms).toContain('is your code');
    const verified = await employee.post(`/api/order/${company.orderToken}/otp/verify`, {
      phone,
      code: codeIn(codeSms),
      language: 'en',
    });
    expect(verified.status).toBe(200);
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'now',
    });
    const zonesSms = await latestSms(app(), sub.phone);
    expect(zonesSms).toContain('New monthly salary deduction: NOK 1,090');
    expect(zonesSms).toContain('please confirm');
    await client.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'now' });
    expect(await latestSms(app(), sub.phone)).toContain('from now');
  });

  it("one employee cannot confirm another's consent, nor one of another company", async () => {
    const { client, company } = await orderingCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'now',
    });
    const owner = await employeeClient(app(), company.orderToken, sub.phone);
    const id = (await owner.client.get('/api/me/consents')).body.items[0].id;
    const colleague = await employeeClient(app(), company.orderToken);
    expect(
      (await colleague.client.post(`/api/me/consents/${id}/confirm`, { deductionOre: 54_500 })).status,
    ).toBe(404);
    app().setNow('2027-01-15T10:05:00+01:00'); // past the resend wait of the phone
    const other = await orderingCompany(app());
    const stranger = await employeeClient(app(), other.company.orderToken, sub.phone);
    expect(
      (await stranger.client.post(`/api/me/consents/${id}/confirm`, { deductionOre: 54_500 })).status,
    ).toBe(404);
    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({ consentMissing: true });
  });

  it('hostile check: agreeing is to the amount seen — a request changed since the page was opened is 409, the new amount then agrees', async () => {
    const { client, company } = await orderingCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
      deductionTerms: '',
    });
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'now',
    });
    const employee = await employeeClient(app(), company.orderToken, sub.phone);
    const seen = (await employee.client.get('/api/me/consents')).body.items[0];
    // The admin raises again while the page is open.
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      effective: 'now',
    });
    const stale = await employee.client.post(`/api/me/consents/${seen.id}/confirm`, {
      deductionOre: seen.deductionOre,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONSENT_AMOUNT_CHANGED']);
    expect(stale.body.error.message).toContain('695,00');
    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({ consentMissing: true });
    const now = (await employee.client.get('/api/me/consents')).body.items[0];
    expect(now.deductionOre).toBe(69_500);
    expect(
      (await employee.client.post(`/api/me/consents/${now.id}/confirm`, { deductionOre: 69_500 })).status,
    ).toBe(200);
    expect(await payrollRow(client, '2027-01', sub.id)).toMatchObject({ consentMissing: false });
  });

  it('hostile check: zones raised and cut back within the month leave the month billed at the raised price, still marked until consent', async () => {
    const { client, company, adminEmail } = await orderingCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
      deductionTerms: '',
    });
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      effective: 'now',
    });
    app().setNow('2027-01-16T10:00:00+01:00');
    // A fresh sign-in the next day (the session's idle time has passed).
    const admin = new TestClient(app().server);
    await admin.login(adminEmail, ADMIN_PASSWORD);
    await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand'],
      effective: 'now',
    });
    expect(await payrollRow(admin, '2027-01', sub.id)).toMatchObject({
      consentMissing: true,
      consentedDeductionOre: 39_500,
      deductionOre: 69_500,
    });
  });

  it('hostile check: a lower subsidy while an order waits asks the employee before the higher deduction, also after approval', async () => {
    const { client, company } = await orderingCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
      deductionTerms: '',
    });
    const sub = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      state: 'pending',
    });
    expect(
      (await client.patch('/api/company/settings', { subsidy: { type: 'percent', value: 20 } })).status,
    ).toBe(200);
    const sms = await latestSms(app(), sub.phone);
    expect(sms).toMatch(/\/samtykke\/[\w-]+/);
    expect((await client.post(`/api/company/subscriptions/${sub.id}/approve`, {})).status).toBe(200);
    expect(await payrollRow(client, '2027-02', sub.id)).toMatchObject({
      consentMissing: true,
      consentedDeductionOre: 40_700, // February 2027: 814 kr, half of it
      deductionOre: 65_120, // 80 % of 814 kr
    });
  });
});
