import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { registerCompany } from '../../src/app/companies/register-company';
import { messages } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, orgNumber, systemOperator } from '../support/factories';
import { freshIp, orderingCompany } from './employee-support';

const CHINA = '+8613800138000';
const SWEDEN = '+46701234567';

describeEachEngine('SMS only to allowed countries (issue 12.4), default Norway', (app) => {
  const smsTo = async (to: string) =>
    (await app().ctx.db.select().from(messages).where(eq(messages.to, to))).length;

  it('an employee login code to a foreign number is 400 PHONE_COUNTRY_NOT_ALLOWED naming the field, in both languages; nothing is sent', async () => {
    const { company } = await orderingCompany(app());
    for (const [lang, text] of [
      ['nb', /«phone».*bare SMS.*NO/],
      ['en', /"phone".*only send SMS.*NO/],
    ] as const) {
      const client = new TestClient(app().server, lang);
      for (const phone of [CHINA, SWEDEN]) {
        const r = await client.post(
          `/api/order/${company.orderToken}/otp`,
          { phone },
          { 'x-forwarded-for': freshIp() },
        );
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('PHONE_COUNTRY_NOT_ALLOWED');
        expect(r.body.error.details).toEqual([{ path: 'body.phone' }]);
        expect(r.body.error.message).toMatch(text);
      }
    }
    expect(await smsTo(CHINA)).toBe(0);
    expect(await smsTo(SWEDEN)).toBe(0);
  });

  it('the same boundary holds for a subscription by hand, an import and a company contact', async () => {
    const { client: admin } = await createCompany(app());
    const byHand = await admin.post('/api/company/subscriptions', {
      firstName: 'Li',
      lastName: 'Wei',
      phone: CHINA,
      zoneIds: ['kristiansand'],
      categoryId: 'voksen',
    });
    expect([byHand.status, byHand.body.error.code]).toEqual([400, 'PHONE_COUNTRY_NOT_ALLOWED']);

    const csv = `fornavn;etternavn;mobil;soner;kategori\nLi;Wei;${CHINA};Kristiansand;Voksen\n`;
    const imported = await admin.post('/api/company/subscriptions/import', { csv, dryRun: true });
    expect(JSON.stringify(imported.body)).toContain('PHONE_COUNTRY_NOT_ALLOWED');
    // The row's message names the file's column and the allowed countries (no placeholders left).
    const rowError = imported.body.rows[0].errors.find(
      (e: { code: string }) => e.code === 'PHONE_COUNTRY_NOT_ALLOWED',
    );
    expect(rowError.message).toBe('«phone»: vi sender bare SMS til mobilnumre i disse landene: NO.');

    await expect(
      registerCompany(app().ctx, {
        actor: systemOperator,
        orgNumber: orgNumber(),
        name: 'Utland AS',
        contact: { name: 'Kontakt', email: `kontakt-${Date.now()}@utland.example`, phone: SWEDEN },
      }),
    ).rejects.toMatchObject({ code: 'PHONE_COUNTRY_NOT_ALLOWED', details: [{ path: 'body.contact.phone' }] });
    expect(await smsTo(CHINA)).toBe(0);
  });
});

describeEachEngine(
  'SMS_ALLOWED_COUNTRIES=NO,SE lets Swedish numbers through (issue 12.4)',
  (app) => {
    it('a Swedish number gets its code; a Chinese one still does not', async () => {
      const { company } = await orderingCompany(app());
      const client = new TestClient(app().server);
      const se = await client.post(
        `/api/order/${company.orderToken}/otp`,
        { phone: SWEDEN },
        { 'x-forwarded-for': freshIp() },
      );
      expect(se.status).toBe(202);
      const cn = await client.post(
        `/api/order/${company.orderToken}/otp`,
        { phone: CHINA },
        { 'x-forwarded-for': freshIp() },
      );
      expect(cn.status).toBe(400);
    });
  },
  { env: { SMS_ALLOWED_COUNTRIES: 'no, se' } },
);
