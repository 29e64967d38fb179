import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

describeEachEngine('company settings, order link, poster and dashboard (rules 2, 3)', (app) => {
  it('rule 2: settings read back with the company name read-only, and changes are audited before/after', async () => {
    const { client, company } = await createCompany(app());
    const initial = await client.get('/api/company/settings');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      company: { id: company.id, name: company.name },
      selfService: 'manual',
      subsidy: { type: 'none' },
    });
    const orderForm = {
      kind: 'custom',
      intro: 'Velkommen!',
      fields: [
        {
          key: 'ansattnummer',
          label: 'Ansattnummer',
          type: 'text',
          required: true,
          helpText: 'Fra lønnsslippen',
        },
        { key: 'avdeling', label: 'Avdeling', type: 'select', required: false, options: ['Salg', 'Lager'] },
      ],
      offeredZoneIds: ['kristiansand', 'vennesla'],
      offeredCategoryIds: ['voksen', 'ung-voksen'],
    };
    const r = await client.patch('/api/company/settings', {
      selfService: 'automatic',
      subsidy: { type: 'percent', value: 50 },
      orderForm,
      deductionTerms: 'Jeg samtykker til trekk i lønn.',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      selfService: 'automatic',
      subsidy: { type: 'percent', value: 50 },
      orderForm,
    });
    expect((await client.get('/api/company/settings')).body.deductionTerms).toBe(
      'Jeg samtykker til trekk i lønn.',
    );
    const audit = await client.get('/api/company/audit?limit=1');
    expect(audit.body.items[0]).toMatchObject({
      action: 'company.settings_updated',
      changes: expect.arrayContaining([
        { label: 'Selvbetjening', before: 'behandles av administrator', after: 'godkjennes automatisk' },
        { label: 'Tilskudd', before: 'ingen', after: '50 %' },
      ]),
    });
  });

  it('rule 2: a bad subsidy, an unknown offered zone or category, or a select without options is a 4xx and changes nothing', async () => {
    const { client } = await createCompany(app());
    const cases: [unknown, string][] = [
      [{ subsidy: { type: 'percent', value: 120 } }, 'VALIDATION_FAILED'],
      [{ subsidy: { type: 'percent', value: 12.345 } }, 'SUBSIDY_INVALID'],
      [{ subsidy: { type: 'fixed', value: -1 } }, 'VALIDATION_FAILED'],
      [{ orderForm: { offeredZoneIds: ['atlantis'] } }, 'ZONE_UNKNOWN'],
      [{ orderForm: { offeredCategoryIds: ['astronaut'] } }, 'CATEGORY_UNKNOWN'],
      [
        { orderForm: { fields: [{ key: 'dept', label: 'Dept', type: 'select', required: true }] } },
        'VALIDATION_FAILED',
      ],
      [
        {
          orderForm: {
            fields: [
              { key: 'a', label: 'A', type: 'text', required: false },
              { key: 'a', label: 'B', type: 'text', required: false },
            ],
          },
        },
        'VALIDATION_FAILED',
      ],
      [{ selfService: 'sometimes' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const r = await client.patch('/api/company/settings', {
        deductionTerms: 'changed',
        ...(body as object),
      });
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.code, JSON.stringify(body)).toBe(code);
    }
    const after = await client.get('/api/company/settings');
    expect(after.body.deductionTerms).toBe('');
    expect(after.body.subsidy).toEqual({ type: 'none' });
  });

  it('rule 3: the order link ends in /bestill/{token}, comes with snippets, and rotating kills the old link at once', async () => {
    const { client, company } = await createCompany(app());
    const link = await client.get('/api/company/order-link');
    expect(link.body.url).toMatch(new RegExp(`/bestill/${company.orderToken}$`));
    expect(link.body.embedSnippet).toContain(`<iframe src="${link.body.url}"`);
    expect(link.body.embedSnippet).toContain('title=');
    expect(link.body.scriptSnippet).toContain(`data-order-link="${link.body.url}"`);
    const widget = await client.get('/api/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers['content-type']).toMatch(/javascript/);

    const rotated = await client.post('/api/company/order-link/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(link.body.url);
    expect((await client.get('/api/company/order-link')).body.url).toBe(rotated.body.url);
    const employee = new TestClient(app().server);
    const oldToken = link.body.url.split('/bestill/')[1];
    const newToken = rotated.body.url.split('/bestill/')[1];
    const dead = await employee.post(`/api/order/${oldToken}/otp`, { phone: '91234567' });
    expect(dead.status).toBe(404);
    expect(dead.body.error.code).toBe('ORDER_LINK_INVALID');
    expect((await employee.post(`/api/order/${newToken}/otp`, { phone: '91234567' })).status).toBe(202);
    const audit = await client.get('/api/company/audit?limit=1');
    expect(audit.body.items[0].action).toBe('company.order_link_rotated');
  });

  it('rule 3: the QR poster is an A4 PDF', async () => {
    const { client } = await createCompany(app());
    const r = await client.get('/api/company/order-link/poster.pdf');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.text.startsWith('%PDF-')).toBe(true);
    expect(r.text).toMatch(/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('dashboard: counts per status and this month at full price with the company share from the subsidy', async () => {
    const { client, company } = await createCompany(app(), { subsidy: { type: 'fixed', value: 50000 } });
    // January 2027 uses the 2026 prices: voksen 1 zone 790 kr, 2 zones 1090 kr.
    await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
    await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-01-10',
      zoneIds: ['kristiansand', 'vennesla'],
    });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01', state: 'pending' });
    const r = await client.get('/api/company/dashboard');
    expect(r.status).toBe(200);
    expect(r.body.month).toBe('2027-01');
    expect(r.body.counts).toMatchObject({ active: 2, approved: 1, pending: 1, ended: 0 });
    expect(r.body.monthlyCost).toEqual({
      subscriptions: 2,
      priceOre: 79000 + 109000,
      companyShareOre: 100000,
      deductionOre: 79000 + 109000 - 100000,
    });
  });

  it('the OpenAPI document describes the company routes', async () => {
    const r = await new TestClient(app().server).get('/api/openapi.json');
    expect(r.status).toBe(200);
    for (const path of [
      '/api/company/settings',
      '/api/company/order-link/rotate',
      '/api/company/subscriptions/{id}/change-category/preview',
      '/api/company/admins/{id}',
      '/api/auth/invitations/{token}/accept',
      '/api/auth/password-reset/{token}',
    ]) {
      expect(Object.keys(r.body.paths), path).toContain(path);
    }
  });
});
