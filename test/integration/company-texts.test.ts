import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { employeeClient, order, orderingCompany } from './employee-support';

describeEachEngine('issue 15 item 3: company texts in bokmål and English', (app) => {
  it('the admin writes English intro, terms, labels and help; the order page gives both; the consent stores the text shown', async () => {
    const { company, client } = await orderingCompany(app(), {
      deductionTerms: 'Halve prisen trekkes i lønn.',
    });
    const saved = await client.patch('/api/company/settings', {
      orderForm: {
        kind: 'custom',
        intro: 'Velkommen!',
        introEn: 'Welcome!',
        fields: [
          {
            key: 'dept',
            label: 'Avdeling',
            labelEn: 'Department',
            type: 'text',
            required: false,
            helpText: 'Som i HR',
            helpTextEn: 'As in HR',
          },
        ],
      },
      deductionTermsEn: 'Half the price is deducted from your salary.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.deductionTermsEn).toBe('Half the price is deducted from your salary.');
    expect(saved.body.orderForm).toMatchObject({ introEn: 'Welcome!' });
    expect(saved.body.orderForm.fields[0]).toMatchObject({ labelEn: 'Department', helpTextEn: 'As in HR' });

    const page = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(page.body).toMatchObject({
      intro: 'Velkommen!',
      introEn: 'Welcome!',
      deductionTerms: 'Halve prisen trekkes i lønn.',
      deductionTermsEn: 'Half the price is deducted from your salary.',
    });
    expect(page.body.fields[0]).toMatchObject({ label: 'Avdeling', labelEn: 'Department' });

    const english = await employeeClient(app(), company.orderToken);
    const ordered = await english.client.post('/api/me/subscriptions', order({ language: 'en' }));
    expect(ordered.status).toBe(201);
    const [row] = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.id, ordered.body.id));
    expect(row!.consent?.termsText).toBe('Half the price is deducted from your salary.');

    const norwegian = await employeeClient(app(), company.orderToken);
    const nb = await norwegian.client.post('/api/me/subscriptions', order({ language: 'nb' }));
    const [nbRow] = await app().ctx.db.select().from(subscriptions).where(eq(subscriptions.id, nb.body.id));
    expect(nbRow!.consent?.termsText).toBe('Halve prisen trekkes i lønn.');
  });

  it("a select's choices have English labels by position; the order page gives them, the stored value stays bokmål; more labels than choices is a 400 naming the field", async () => {
    const { company, client } = await orderingCompany(app());
    const field = { key: 'site', label: 'Sted', labelEn: 'Site', type: 'select', required: true };
    const saved = await client.patch('/api/company/settings', {
      orderForm: {
        kind: 'custom',
        fields: [{ ...field, options: ['Kontoret', 'Lageret'], optionsEn: ['The office', ' '] }],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.orderForm.fields[0]).toMatchObject({
      options: ['Kontoret', 'Lageret'],
      optionsEn: ['The office', ''],
    });
    const page = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(page.body.fields[0]).toMatchObject({
      options: ['Kontoret', 'Lageret'],
      optionsEn: ['The office', ''],
    });
    const english = await employeeClient(app(), company.orderToken);
    const ordered = await english.client.post(
      '/api/me/subscriptions',
      order({ language: 'en', fields: { site: 'Kontoret' } }),
    );
    expect(ordered.status).toBe(201);
    expect(ordered.body.fields).toEqual({ site: 'Kontoret' });

    const tooMany = await client.patch('/api/company/settings', {
      orderForm: { kind: 'custom', fields: [{ ...field, options: ['A'], optionsEn: ['A', 'B'] }] },
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('orderForm.fields.0.optionsEn');
  });

  it('English is optional: without it the English page falls back to bokmål terms', async () => {
    const { company } = await orderingCompany(app(), { deductionTerms: 'Bare på norsk.' });
    const page = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
    expect(page.body.deductionTermsEn).toBe('');
    const english = await employeeClient(app(), company.orderToken);
    const ordered = await english.client.post('/api/me/subscriptions', order({ language: 'en' }));
    const [row] = await app()
      .ctx.db.select()
      .from(subscriptions)
      .where(eq(subscriptions.id, ordered.body.id));
    expect(row!.consent?.termsText).toBe('Bare på norsk.');
  });
});
