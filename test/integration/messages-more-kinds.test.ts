import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { runBillingMonth } from '../../src/app/billing/run-billing-month';
import { setEmployeeLanguage } from '../../src/db/repositories/subscriptions';
import { categories, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, systemOperator } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

type Message = { kind: string; body: string; subject: string; channel: string };

async function outbox(app: TestApp, to: string, kind: string): Promise<Message[]> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return (r.body.messages as Message[]).filter((m) => m.kind === kind);
}

async function operator(app: TestApp): Promise<TestClient> {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

async function inEnglish(app: TestApp, companyId: string, phone: string) {
  await setEmployeeLanguage(app.ctx.db, companyId, phone, 'en');
}

describeEachEngine('issue 15: the remaining message kinds, in the recipient language', (app) => {
  it('company deactivated: each employee is told once, in their language, with the last valid day or that the order will not be used', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await createCompany(app(), { name: 'Stengt AS' });
    const running = await createSubscription(app(), {
      companyId: company.id,
      firstName: 'Ola',
      startDate: '2027-01-01',
    });
    const waiting = await createSubscription(app(), {
      companyId: company.id,
      firstName: 'Emma',
      startDate: '2027-02-01',
      state: 'pending',
    });
    await inEnglish(app(), company.id, waiting.phone);
    const op = await operator(app());
    expect(
      (await op.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true })).status,
    ).toBe(200);
    await op.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true });

    const nb = await outbox(app(), running.phone, 'company_deactivated');
    expect(nb).toHaveLength(1);
    expect(nb[0]!.body).toContain('Hei Ola! Stengt AS har ikke lenger bedriftsbillett.');
    expect(nb[0]!.body).toContain('gjelder til og med 31. januar 2027');
    const en = await outbox(app(), waiting.phone, 'company_deactivated');
    expect(en).toHaveLength(1);
    expect(en[0]!.body).toContain('Hi Emma! Stengt AS no longer offers the company ticket.');
    expect(en[0]!.body).toContain('no longer valid');
  });

  it('a published price version that changes a deduction: SMS with date and new amount, once, in nb and en; none where the share absorbs it; a withdrawal is told too', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await createCompany(app());
    const ola = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const emma = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await inEnglish(app(), company.id, emma.phone);
    const generous = await createCompany(app(), { subsidy: { type: 'fixed', value: 200_000 } });
    const covered = await createSubscription(app(), {
      companyId: generous.company.id,
      startDate: '2027-01-01',
    });

    const op = await operator(app());
    const version = { prices: [{ categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 90_000 }] };
    const saved = await op.put('/api/operator/catalog/price-versions/2027-03-01', version);
    expect(saved.status).toBe(200);
    expect(saved.body.announced).toBeGreaterThanOrEqual(2);
    await op.put('/api/operator/catalog/price-versions/2027-03-01', version);

    const nb = await outbox(app(), ola.phone, 'price_changed');
    expect(nb).toHaveLength(1);
    // March is priced from 2027-02-01 without the version: voksen, 1 zone, 814 kr.
    expect(nb[0]!.body).toContain('fra 1. mars 2027');
    expect(nb[0]!.body).toContain('900 kr per måned (før 814 kr)');
    const en = await outbox(app(), emma.phone, 'price_changed');
    expect(en).toHaveLength(1);
    expect(en[0]!.body).toContain('from 1 March 2027');
    expect(en[0]!.body).toContain('NOK 900 per month (was NOK 814)');
    expect(await outbox(app(), covered.phone, 'price_changed')).toHaveLength(0);

    // Replacing the version with another price is news again; the amount says which.
    await op.put('/api/operator/catalog/price-versions/2027-03-01', {
      prices: [{ categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 95_000 }],
    });
    const again = await outbox(app(), ola.phone, 'price_changed');
    expect(again).toHaveLength(2);
    expect(again[0]!.body).toContain('950 kr');

    // Withdrawn before it takes effect: those told learn it is off and what the deduction stays at.
    expect((await op.delete('/api/operator/catalog/price-versions/2027-03-01')).status).toBeLessThan(300);
    const off = await outbox(app(), ola.phone, 'price_change_withdrawn');
    expect(off).toHaveLength(1);
    expect(off[0]!.body).toContain('Prisendringen fra 1. mars 2027 er trukket tilbake');
    expect(off[0]!.body).toContain('fortsatt 814 kr per måned');
    const offEn = await outbox(app(), emma.phone, 'price_change_withdrawn');
    expect(offEn[0]!.body).toContain('stays at NOK 814 per month');
    expect(await outbox(app(), covered.phone, 'price_change_withdrawn')).toHaveLength(0);
  });

  it('a lower subsidy raises the deduction: consent asked by SMS (nb and en), payroll row marked, a repeat sends nothing', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company, client } = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
    const ola = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    const emma = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await inEnglish(app(), company.id, emma.phone);

    const patch = { subsidy: { type: 'percent', value: 20 } };
    expect((await client.patch('/api/company/settings', patch)).status).toBe(200);
    await client.patch('/api/company/settings', patch);

    // January, voksen 1 zone: 790 kr; 50 % share leaves 395 kr, 20 % leaves 632 kr.
    const nb = await outbox(app(), ola.phone, 'deduction_raised');
    expect(nb).toHaveLength(1);
    expect(nb[0]!.body).toContain('632 kr per måned fra 1. januar 2027 (før 395 kr)');
    expect(nb[0]!.body).toContain(`/samtykke/${company.id}-`);
    const en = await outbox(app(), emma.phone, 'deduction_raised');
    expect(en).toHaveLength(1);
    expect(en[0]!.body).toContain('NOK 632 per month from 1 January 2027 (was NOK 395)');

    const payroll = await client.get('/api/company/payroll?month=2027-01');
    const row = payroll.body.rows.find((r: { subscriptionId: string }) => r.subscriptionId === ola.id);
    expect(row).toMatchObject({ consentMissing: true, consentedDeductionOre: 39_500, deductionOre: 63_200 });

    // Back up again: nothing to agree to, the request is withdrawn, no SMS.
    await client.patch('/api/company/settings', { subsidy: { type: 'percent', value: 60 } });
    expect(await outbox(app(), ola.phone, 'deduction_raised')).toHaveLength(1);
    const after = await client.get('/api/company/payroll?month=2027-01');
    expect(
      after.body.rows.find((r: { subscriptionId: string }) => r.subscriptionId === ola.id).consentMissing,
    ).toBe(false);
  });

  it('consent still missing: once the raise is in force, each admin is emailed once, in their language, with the employee and both amounts', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company, client, adminEmail } = await createCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
    });
    expect((await client.put('/api/auth/me/preferences', { language: 'en' })).status).toBe(200);
    const sub = await createSubscription(app(), {
      companyId: company.id,
      firstName: 'Ola',
      lastName: 'Nordmann',
      startDate: '2027-01-01',
    });
    const raised = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'now',
    });
    expect(raised.status).toBe(200);
    const { remindMissingConsents } = await import('../../src/app/subscriptions/consent-reminders');
    await remindMissingConsents(app().ctx);
    await remindMissingConsents(app().ctx);
    const mail = await outbox(app(), adminEmail, 'admin_consent_missing');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Consent missing');
    // January: 1 zone 790 kr, 2 zones 1090 kr; half is the employee's.
    expect(mail[0]!.body).toContain(
      'Ola Nordmann has not yet agreed to the higher salary deduction (NOK 545 per month; agreed is NOK 395)',
    );
  });

  it('invoice issued: each admin gets one email in their language with number and total; a second run sends nothing', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const nb = await createCompany(app(), { name: 'Norsk AS' });
    const en = await createCompany(app(), { name: 'English Ltd' });
    expect((await en.client.put('/api/auth/me/preferences', { language: 'en' })).status).toBe(200);
    await createSubscription(app(), { companyId: nb.company.id, startDate: '2027-01-01' });
    await createSubscription(app(), { companyId: en.company.id, startDate: '2027-01-01' });

    app().setNow('2027-02-01T07:00:00+01:00');
    await runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-01' });
    await runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-01' });

    const toNb = await outbox(app(), nb.adminEmail, 'admin_invoice_issued');
    expect(toNb).toHaveLength(1);
    expect(toNb[0]!.subject).toMatch(/^Faktura \d+ for januar 2027 – Norsk AS$/);
    expect(toNb[0]!.body).toContain('790 kr');
    const toEn = await outbox(app(), en.adminEmail, 'admin_invoice_issued');
    expect(toEn).toHaveLength(1);
    expect(toEn[0]!.subject).toMatch(/^Invoice \d+ for January 2027 – English Ltd$/);
    expect(toEn[0]!.body).toContain('NOK 790');
  });
});

describeEachEngine('issue 15: billing problems reach the company admins', (app) => {
  it('a ticket the price list cannot price stops billing: its admins are told why, once, in their language', async () => {
    const nb = await createCompany(app(), { name: 'Uten Pris AS' });
    const en = await createCompany(app(), { name: 'No Price Ltd' });
    await en.client.put('/api/auth/me/preferences', { language: 'en' });
    await app().ctx.db.insert(categories).values({ id: 'uten-pris', name: 'Uten pris', nameEn: 'No price' });
    const first = await createSubscription(app(), {
      companyId: nb.company.id,
      firstName: 'Per',
      lastName: 'Vik',
      startDate: '2027-01-01',
    });
    await app()
      .ctx.db.update(subscriptions)
      .set({ categoryId: 'uten-pris' })
      .where(eq(subscriptions.id, first.id));

    app().setNow('2027-02-01T07:00:00+01:00');
    const run = () => runBillingMonth(app().ctx, { actor: systemOperator, month: '2027-01', batchSize: 1 });
    await expect(run()).rejects.toMatchObject({ code: 'PRICE_MISSING' });
    await expect(run()).rejects.toMatchObject({ code: 'PRICE_MISSING' });
    const toNb = await outbox(app(), nb.adminEmail, 'admin_billing_problem');
    expect(toNb).toHaveLength(1);
    expect(toNb[0]!.subject).toBe('Faktureringen for januar 2027 stoppet – Uten Pris AS');
    expect(toNb[0]!.body).toContain('Prislisten har ingen pris for billetten til Per Vik.');
    expect(await outbox(app(), en.adminEmail, 'admin_billing_problem')).toHaveLength(0);

    // The same problem in the English admin's company, once the first is fixed.
    await app()
      .ctx.db.update(subscriptions)
      .set({ categoryId: 'voksen' })
      .where(eq(subscriptions.id, first.id));
    const second = await createSubscription(app(), {
      companyId: en.company.id,
      firstName: 'Emma',
      lastName: 'Hill',
      startDate: '2027-01-01',
    });
    await app()
      .ctx.db.update(subscriptions)
      .set({ categoryId: 'uten-pris' })
      .where(eq(subscriptions.id, second.id));
    await expect(run()).rejects.toMatchObject({ code: 'PRICE_MISSING' });
    const toEn = await outbox(app(), en.adminEmail, 'admin_billing_problem');
    expect(toEn).toHaveLength(1);
    expect(toEn[0]!.subject).toBe('Billing for January 2027 stopped – No Price Ltd');
    expect(toEn[0]!.body).toContain('The price list has no price for the ticket of Emma Hill.');
  });
});
