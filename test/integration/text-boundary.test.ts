import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, mobile } from '../support/factories';
import { OPERATOR } from '../support/test-app';
import { employeeClient, orderingCompany } from './employee-support';

const NUL = 'X\u0000Y';

describeEachEngine('issue 14: one text boundary, dates in range, empty PATCH', (app) => {
  const operator = async (lang = 'nb') => {
    const client = new TestClient(app().server, lang);
    await client.login(OPERATOR.email, OPERATOR.password);
    return client;
  };
  const byHand = (overrides: Record<string, unknown>) => ({
    firstName: 'Kari',
    lastName: 'Nordmann',
    phone: mobile(),
    zoneIds: ['kristiansand'],
    categoryId: 'voksen',
    ...overrides,
  });

  it('item 1: a NUL in a name is a 400 naming the field, in bokmål and in English (never a 500)', async () => {
    const { client, adminEmail } = await createCompany(app());
    const nb = await client.post('/api/company/subscriptions', byHand({ firstName: NUL }));
    expect(nb.status).toBe(400);
    expect(nb.body.error.code).toBe('VALIDATION_FAILED');
    expect(nb.body.error.details).toEqual([
      expect.objectContaining({ path: 'body.firstName', problem: 'control_character' }),
    ]);
    expect(nb.body.error.message).toBe('«firstName» inneholder et kontrolltegn som ikke er tillatt.');
    const en = new TestClient(app().server, 'en');
    await en.login(adminEmail, 'admin-password-1234');
    const r = await en.post('/api/company/subscriptions', byHand({ lastName: 'B\u202Eadmin' }));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      '"lastName" contains invisible text-direction characters that are not allowed.',
    );
  });

  it("item 1: names as on the ID take letters of any script, marks, spaces, - ' ’ and . only", async () => {
    const { client } = await createCompany(app());
    for (const firstName of ['=2+3', 'Kari2', 'Kari \u{1F600}', '@SUM(A1)'])
      expect(
        (await client.post('/api/company/subscriptions', byHand({ firstName }))).body.error,
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'body.firstName', problem: 'name_characters' }],
      });
    const ok = await client.post(
      '/api/company/subscriptions',
      byHand({ firstName: '  Łukasz  ', lastName: 'D’Angelo-Wiśniewski Jr.' }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ firstName: 'Łukasz', lastName: 'D’Angelo-Wiśniewski Jr.' });
  });

  it('item 1: text is stored NFC, and search finds "Åse" however it was typed', async () => {
    const { client } = await createCompany(app());
    const decomposed = 'A\u030Ase';
    const made = await client.post('/api/company/subscriptions', byHand({ firstName: decomposed }));
    expect(made.status).toBe(201);
    expect(made.body.firstName).toBe('\u00C5se');
    for (const q of [decomposed, '\u00C5se', ' \u00E5SE '])
      expect(
        (await client.get(`/api/company/subscriptions?q=${encodeURIComponent(q)}`)).body.items.map(
          (s: { id: string }) => s.id,
        ),
      ).toEqual([made.body.id]);
  });

  it('item 1: NUL in paths and queries is a 400, never a 500', async () => {
    const { client } = await createCompany(app());
    const anonymous = new TestClient(app().server);
    for (const url of ['/api/order/%00', '/api/tickets/a%00b', '/api/company/subscriptions/%01'])
      expect((await anonymous.get(url)).status).toBe(400);
    // Broken percent-encoding (an encoded lone surrogate) never reaches a route: 404.
    expect((await anonymous.get('/api/order/%ED%A0%80')).status).toBe(404);
    const q = await client.get('/api/company/subscriptions?q=%00');
    expect(q.status).toBe(400);
    expect(q.body.error.details).toEqual([expect.objectContaining({ path: 'querystring.q' })]);
    expect((await (await operator()).get('/api/operator/companies?q=a%00')).status).toBe(400);
  });

  it('item 1: employee orders, extra-field values and settings texts go through the boundary', async () => {
    const { company, client: admin } = await orderingCompany(app(), {
      orderForm: {
        kind: 'custom',
        fields: [{ key: 'ansattnr', label: 'Ansattnummer', type: 'text', required: true }],
      },
    });
    const { client } = await employeeClient(app(), company.orderToken);
    const order = (over: Record<string, unknown>) =>
      client.post('/api/me/subscriptions', {
        firstName: 'Ola',
        lastName: 'Nordmann',
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
        fields: { ansattnr: '12 34' },
        consent: true,
        ...over,
      });
    expect((await order({ firstName: NUL })).body.error.details[0]).toMatchObject({ path: 'body.firstName' });
    const field = await order({ fields: { ansattnr: `1${'\u0000'}2` } });
    expect(field.status).toBe(400);
    expect(field.body.error.details[0]).toMatchObject({
      path: 'body.fields.ansattnr',
      problem: 'control_character',
    });
    expect(field.body.error.message).toMatch(/«fields.ansattnr» inneholder et kontrolltegn/);
    const ok = await order({ fields: { ansattnr: '  12   34 ' } });
    expect(ok.status).toBe(201);
    expect(ok.body.fields).toEqual({ ansattnr: '12 34' });

    expect((await admin.patch('/api/company/settings', { deductionTerms: `a${'\u0000'}` })).status).toBe(400);
    const intro = await admin.patch('/api/company/settings', {
      orderForm: { intro: ' Hei\r\n\r\nVelkommen ' },
    });
    expect(intro.status).toBe(200);
    expect(intro.body.orderForm.intro).toBe('Hei\n\nVelkommen');
  });

  it('item 1: company, staff, zone and category names and login and reset emails are checked', async () => {
    const op = await operator();
    const anonymous = new TestClient(app().server);
    const bad = [
      await op.post('/api/operator/companies', {
        orgNumber: '974760673',
        name: NUL,
        contact: { name: 'Kari', email: 'kari@example.no' },
      }),
      await op.post('/api/operator/staff', { email: 'x@example.no', name: NUL, role: 'admin' }),
      await op.post('/api/operator/catalog/zones', { name: NUL }),
      await op.post('/api/operator/catalog/categories', { name: 'Voksen', nameEn: '\uD800' }),
      await anonymous.post('/api/auth/login', { email: `a${'\u0000'}@example.no`, password: 'x' }),
      await anonymous.post('/api/auth/password-reset', { email: `a${'\u0000'}@example.no` }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400]);
  });

  it('item 1: invisible-only text is empty and an invisible character is no look-alike, in every kind of field', async () => {
    const op = await operator('en');
    const { client } = await createCompany(app());
    const cases: [Promise<{ status: number; body: { error?: { details?: unknown } } }>, string][] = [
      [op.patch('/api/operator/catalog/zones/kristiansand', { name: '\u200B' }), 'body.name'],
      [op.post('/api/operator/catalog/zones', { id: 'a\u200Bb', name: 'Ny sone' }), 'body.id'],
      [
        op.post('/api/operator/staff', { email: 'blank@example.no', name: '\u3164', role: 'admin' }),
        'body.name',
      ],
      [op.post('/api/operator/catalog/categories', { name: 'Voks\u2060en' }), 'body.name'],
      [client.post('/api/company/subscriptions', byHand({ firstName: 'Kari\u034F' })), 'body.firstName'],
    ];
    for (const [request, path] of cases) {
      const r = await request;
      expect([path, r.status]).toEqual([path, 400]);
      expect(JSON.stringify(r.body.error?.details)).toContain(path);
    }
    // An optional text of nothing visible is refused too: it would look empty and not be.
    const terms = await client.patch('/api/company/settings', { deductionTerms: '\u200B' });
    expect([terms.status, terms.body.error.details[0].problem]).toEqual([400, 'invisible_only']);
    // Real names with the joiners their scripts need still pass.
    expect(
      (
        await client.post(
          '/api/company/subscriptions',
          byHand({ firstName: 'Gal·la', lastName: 'Jean\u2011Luc' }),
        )
      ).status,
    ).toBe(201);
  });

  it('item 2: an empty PATCH is a 400 (zones, categories, settings, staff)', async () => {
    const op = await operator();
    const { client } = await createCompany(app());
    for (const r of [
      await op.patch('/api/operator/catalog/zones/kristiansand', {}),
      await op.patch('/api/operator/catalog/categories/voksen', {}),
      await client.patch('/api/company/settings', {}),
    ]) {
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        expect.objectContaining({ path: 'body', problem: 'empty_patch' }),
      ]);
    }
    expect(
      (await op.patch('/api/operator/catalog/zones/kristiansand', { name: ' Kristiansand ' })).status,
    ).toBe(200);
  });

  it('item 2: months and dates outside 2000–2099 are a 400 naming the field', async () => {
    const op = await operator('en');
    const { client } = await createCompany(app());
    const run = await op.post('/api/operator/billing-runs', { month: '0001-01' });
    expect(run.status).toBe(400);
    expect(run.body.error.message).toBe('"month" must be in the years 2000–2099.');
    expect((await op.post('/api/operator/billing-runs', { month: '0000-01' })).status).toBe(400);
    expect((await op.get('/api/operator/invoices?month=2999-01')).status).toBe(400);
    const payroll = await client.get('/api/company/payroll?month=0000-01');
    expect(payroll.status).toBe(400);
    expect(payroll.body.error.details).toEqual([
      expect.objectContaining({ path: 'querystring.month', problem: 'year_out_of_range' }),
    ]);
    const start = await client.post('/api/company/subscriptions', byHand({ startDate: '2999-01-01' }));
    expect(start.status).toBe(400);
    expect(start.body.error.details).toEqual([
      expect.objectContaining({ path: 'body.startDate', problem: 'year_out_of_range' }),
    ]);
    expect(
      (await client.post('/api/company/subscriptions', byHand({ startDate: '2027-02-30' }))).body.error
        .details,
    ).toEqual([expect.objectContaining({ path: 'body.startDate', problem: 'date_invalid' })]);
    expect((await op.put('/api/operator/catalog/price-versions/0001-01-01', { prices: [] })).status).toBe(
      400,
    );
  });

  it('item 9: organisation number 000000000 is refused (MOD11 alone would pass it)', async () => {
    const op = await operator();
    const r = await op.post('/api/operator/companies', {
      orgNumber: '000000000',
      name: 'Null AS',
      contact: { name: 'Kari', email: 'kari.null@example.no' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ORG_NUMBER_INVALID');
    expect(r.body.error.details).toEqual([{ path: 'body.orgNumber' }]);
  });
});
