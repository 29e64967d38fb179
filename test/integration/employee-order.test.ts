import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { orderTokenHash } from '../../src/app/companies/order-token';
import { auditLog, companies, subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createSubscription } from '../support/factories';
import { employeeClient, latestSms, order, orderingCompany } from './employee-support';

describeEachEngine('employee ordering (rule 5)', (app) => {
  it('the order page shows name, intro, offered zones and categories, the locked start date and the price split', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), {
      subsidy: { type: 'percent', value: 50 },
      orderForm: {
        intro: 'Velkommen!',
        offeredZoneIds: ['kristiansand', 'vennesla'],
        offeredCategoryIds: ['voksen'],
        fields: [{ key: 'ansattnr', label: 'Ansattnummer', type: 'text', required: true }],
      },
    });
    const r = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      company: { name: company.name },
      intro: 'Velkommen!',
      orderingOpen: true,
      startDate: '2027-02-01',
      signedInPhone: null,
      zones: [
        { id: 'kristiansand', name: 'Kristiansand' },
        { id: 'vennesla', name: 'Vennesla' },
      ],
      categories: [{ id: 'voksen' }],
      deductionTerms: company.deductionTerms,
    });
    expect(r.body.fields[0]).toMatchObject({ key: 'ansattnr', required: true });
    const one = r.body.prices.find((p: { zoneCount: number }) => p.zoneCount === 1);
    expect(one.companyShareOre + one.deductionOre).toBe(one.monthlyPriceOre);
    expect(one.companyShareOre).toBe(Math.round(one.monthlyPriceOre / 2));
  });

  it('rule 3: an unknown or rotated link is 404 ORDER_LINK_INVALID; a disabled company shows so and refuses orders', async () => {
    const { company } = await orderingCompany(app());
    const old = company.orderToken;
    await app()
      .ctx.db.update(companies)
      .set({ orderTokenHash: orderTokenHash('rotated-new-token') })
      .where(eq(companies.id, company.id));
    const rotated = await new TestClient(app().server).get(`/api/order/${old}`);
    expect(rotated.status).toBe(404);
    expect(rotated.body.error.code).toBe('ORDER_LINK_INVALID');

    const { client } = await employeeClient(app(), 'rotated-new-token');
    await app().ctx.db.update(companies).set({ selfService: 'disabled' }).where(eq(companies.id, company.id));
    const page = await new TestClient(app().server).get('/api/order/rotated-new-token');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      orderingOpen: false,
      selfService: 'disabled',
      zones: [],
      categories: [],
    });
    const refused = await client.post('/api/me/subscriptions', order());
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('SELF_SERVICE_DISABLED');
  });

  it('manual approval: the order is pending, starts the 1st of next month, and stores consent with terms text, time and price split', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app(), {
      selfService: 'manual',
      subsidy: { type: 'fixed', value: 30000 },
    });
    const { client, phone } = await employeeClient(app(), company.orderToken);
    const r = await client.post('/api/me/subscriptions', order({ zoneIds: ['kristiansand', 'vennesla'] }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'pending',
      startDate: '2027-02-01',
      endDate: null,
      phone,
      companyId: company.id,
      zoneIds: ['kristiansand', 'vennesla'],
    });
    const [row] = await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.id, r.body.id));
    expect(row!.consent).toMatchObject({ termsText: company.deductionTerms, companyShareOre: 30000 });
    const consentAt = new Date(row!.consent!.at).getTime();
    expect(consentAt - new Date('2027-01-15T09:00:00Z').getTime()).toBeGreaterThanOrEqual(0);
    expect(consentAt - new Date('2027-01-15T09:00:00Z').getTime()).toBeLessThan(60_000);
    expect(row!.consent!.priceOre - row!.consent!.companyShareOre).toBe(row!.consent!.deductionOre);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, r.body.id));
    expect(audit.map((a) => [a.action, a.actorType])).toContainEqual(['subscription.created', 'employee']);
    const list = await client.get('/api/me/subscriptions');
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([r.body.id]);
  });

  it('automatic approval: the order is approved at once and the ticket SMS with the /billett/ link goes out', async () => {
    const { company } = await orderingCompany(app(), { selfService: 'automatic' });
    const { client, phone } = await employeeClient(app(), company.orderToken);
    const r = await client.post('/api/me/subscriptions', order());
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('approved');
    expect(await latestSms(app(), phone)).toMatch(/\/billett\/[A-Za-z0-9_-]+/);
  });

  it('consent is required: consent false is 400 CONSENT_REQUIRED and nothing is stored', async () => {
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    const r = await client.post('/api/me/subscriptions', order({ consent: false }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CONSENT_REQUIRED');
    expect((await client.get('/api/me/subscriptions')).body.items).toHaveLength(0);
  });

  it("the company's extra fields are validated: required, number type, select options; unknown keys are dropped", async () => {
    const { company } = await orderingCompany(app(), {
      orderForm: {
        kind: 'custom',
        fields: [
          { key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: true },
          { key: 'avdeling', label: 'Avdeling', type: 'select', required: true, options: ['Salg', 'Drift'] },
          { key: 'merknad', label: 'Merknad', type: 'text', required: false },
        ],
      },
    });
    const { client } = await employeeClient(app(), company.orderToken);
    const bad = await client.post(
      '/api/me/subscriptions',
      order({ fields: { ansattnr: 'tolv', avdeling: 'HR' } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.fields.ansattnr',
      'body.fields.avdeling',
    ]);
    const missing = await client.post('/api/me/subscriptions', order({ fields: {} }));
    expect(missing.status).toBe(400);
    const ok = await client.post(
      '/api/me/subscriptions',
      order({ fields: { ansattnr: '00789', avdeling: 'Drift', hacker: 'x' } }),
    );
    expect(ok.status).toBe(201);
    // Issue 14 item 5: a number field keeps what the employee typed, leading zeros included.
    expect(ok.body.fields).toEqual({ ansattnr: '00789', avdeling: 'Drift' });
  });

  it('zones and categories must be offered: others are 400 ZONE_UNKNOWN / CATEGORY_UNKNOWN, no zones is ZONES_REQUIRED', async () => {
    const { company } = await orderingCompany(app(), {
      orderForm: { offeredZoneIds: ['kristiansand'], offeredCategoryIds: ['voksen'] },
    });
    const { client } = await employeeClient(app(), company.orderToken);
    const zone = await client.post('/api/me/subscriptions', order({ zoneIds: ['arendal'] }));
    expect([zone.status, zone.body.error.code]).toEqual([400, 'ZONE_UNKNOWN']);
    const none = await client.post('/api/me/subscriptions', order({ zoneIds: [] }));
    expect([none.status, none.body.error.code]).toEqual([400, 'ZONES_REQUIRED']);
    const category = await client.post('/api/me/subscriptions', order({ categoryId: 'barn' }));
    expect([category.status, category.body.error.code]).toEqual([400, 'CATEGORY_UNKNOWN']);
    const blankName = await client.post('/api/me/subscriptions', order({ firstName: '  ' }));
    expect([blankName.status, blankName.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('one live subscription per employee per company: a different second order is 409 SUBSCRIPTION_EXISTS', async () => {
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    expect((await client.post('/api/me/subscriptions', order())).status).toBe(201);
    const second = await client.post('/api/me/subscriptions', order({ categoryId: 'honnor' }));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('SUBSCRIPTION_EXISTS');
  });

  it('a double click makes one order: two identical parallel requests give the same subscription (201 and 200)', async () => {
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    await client.get('/api/me');
    const [a, b] = await Promise.all([
      client.post('/api/me/subscriptions', order()),
      client.post('/api/me/subscriptions', order()),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await client.get('/api/me/subscriptions')).body.items).toHaveLength(1);
  });

  it('a retried request with the same Idempotency-Key gets the same subscription with 200', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    const first = await client.post('/api/me/subscriptions', order(), { 'idempotency-key': 'k-1' });
    app().setNow('2027-01-15T10:30:00+01:00');
    const retry = await client.post('/api/me/subscriptions', order(), { 'idempotency-key': 'k-1' });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('after the 2-minute window an identical order is no longer a repeat: it is 409 while the first lives', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    expect((await client.post('/api/me/subscriptions', order())).status).toBe(201);
    app().setNow('2027-01-15T10:03:00+01:00');
    expect((await client.post('/api/me/subscriptions', order())).status).toBe(409);
  });

  it('rule 5 at the year end: 2026-12-31 23:30 Oslo (22:30 UTC) is still Dec 31 → start 2027-01-01', async () => {
    app().setNow('2026-12-31T23:30:00+01:00');
    const { company } = await orderingCompany(app());
    expect((await new TestClient(app().server).get(`/api/order/${company.orderToken}`)).body.startDate).toBe(
      '2027-01-01',
    );
    const { client } = await employeeClient(app(), company.orderToken);
    const r = await client.post('/api/me/subscriptions', order());
    expect(r.body.startDate).toBe('2027-01-01');
  });

  it('rule 5 at a month end: 2027-01-31 → start 2027-02-01; just after midnight Oslo on Feb 1 (still Jan 31 UTC) → 2027-03-01', async () => {
    app().setNow('2027-01-31T23:59:00+01:00');
    const { company } = await orderingCompany(app());
    const { client } = await employeeClient(app(), company.orderToken);
    expect((await client.post('/api/me/subscriptions', order())).body.startDate).toBe('2027-02-01');
    app().setNow('2027-02-01T00:10:00+01:00');
    const other = await employeeClient(app(), company.orderToken);
    expect((await other.client.post('/api/me/subscriptions', order())).body.startDate).toBe('2027-03-01');
  });

  it('tenant isolation: an employee of company A sees only A, and cannot cancel B’s subscription (404)', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const a = await orderingCompany(app());
    const b = await orderingCompany(app());
    const { client, phone } = await employeeClient(app(), a.company.orderToken);
    const inB = await createSubscription(app(), { companyId: b.company.id, phone, startDate: '2027-02-01' });
    expect((await client.get('/api/me/subscriptions')).body.items).toEqual([]);
    const r = await client.post(`/api/me/subscriptions/${inB.id}/cancel`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    const other = await createSubscription(app(), { companyId: a.company.id, startDate: '2027-02-01' });
    expect((await client.post(`/api/me/subscriptions/${other.id}/cancel`)).status).toBe(404);
  });

  it('the /api/me routes need an employee session: none is 401, an admin session is 401', async () => {
    const anonymous = new TestClient(app().server);
    expect((await anonymous.get('/api/me/subscriptions')).status).toBe(401);
    const { client: admin } = await orderingCompany(app());
    expect((await admin.post('/api/me/subscriptions', order())).status).toBe(401);
  });
});
