import { and, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, mobile } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';
import { freshIp, orderingCompany } from './employee-support';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

const askCode = (app: TestApp, orderToken: string, lang: 'nb' | 'en' = 'nb') =>
  new TestClient(app.server, lang).post(
    `/api/order/${orderToken}/otp`,
    { phone: mobile() },
    { 'x-forwarded-for': freshIp() },
  );

describeEachEngine(
  'SMS budgets per company and hour (issue 12.4): sending stops, the operator is told, the figure is shown',
  (app) => {
    it('past the company budget a sign-in code is 429 SMS_BUDGET_EXCEEDED with Retry-After, in both languages, and no SMS is made', async () => {
      const { company } = await orderingCompany(app());
      for (let i = 0; i < 3; i += 1) expect((await askCode(app(), company.orderToken)).status).toBe(202);
      const before = await app().ctx.db.select().from(messages).where(eq(messages.companyId, company.id));

      const nb = await askCode(app(), company.orderToken, 'nb');
      expect(nb.status).toBe(429);
      expect(nb.body.error.code).toBe('SMS_BUDGET_EXCEEDED');
      expect(Number(nb.headers['retry-after'])).toBeGreaterThan(3000);
      expect(nb.body.error.message).toMatch(/Vi sender ikke flere SMS akkurat nå/);
      const en = await askCode(app(), company.orderToken, 'en');
      expect(en.body.error.message).toMatch(/not sending more SMS right now/);
      const after = await app().ctx.db.select().from(messages).where(eq(messages.companyId, company.id));
      expect(after).toHaveLength(before.length);

      // Another company's budget is its own.
      const other = await orderingCompany(app());
      expect((await askCode(app(), other.company.orderToken)).status).toBe(202);
    });

    it('an SMS caused by an admin past the budget is held (never sent), the action still succeeds, and the operator gets one email per hour', async () => {
      const { company, client: admin } = await createCompany(app(), { name: 'Pumpe AS' });
      const made: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await admin.post('/api/company/subscriptions', {
          firstName: 'Ola',
          lastName: `Hansen ${'abcde'[i]}`,
          phone: mobile(),
          zoneIds: ['kristiansand'],
          categoryId: 'voksen',
        });
        made.push(r.status);
      }
      expect(made).toEqual([201, 201, 201, 201, 201]);
      const sms = await app()
        .ctx.db.select()
        .from(messages)
        .where(and(eq(messages.companyId, company.id), eq(messages.channel, 'sms')));
      const held = sms.filter((m) => m.lastError === 'held: sms_budget_exceeded');
      expect(sms.length - held.length).toBe(3);
      expect(held).toHaveLength(2);
      expect(held.every((m) => m.status === 'failed' && m.attempts === 0 && m.sentAt === null)).toBe(true);
      // The held rows never reach the transport: no delivery job exists for them.
      const jobFor = (id: string) => app().jobs.sent.some((j) => j.data.messageId === id);
      for (const m of held) expect(jobFor(m.id)).toBe(false);
      expect(sms.filter((m) => !m.lastError).every((m) => jobFor(m.id))).toBe(true);

      const alerts = await app()
        .ctx.db.select()
        .from(messages)
        .where(and(eq(messages.kind, 'operator_sms_held'), like(messages.subject, '%Pumpe AS%')));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.to).toBe(OPERATOR.email.toLowerCase());
      expect(alerts[0]!.subject).toMatch(/SMS-budsjettet er nådd for Pumpe AS: 3 av 3 siste time/);

      const usage = await (await operator(app())).get('/api/operator/sms-usage');
      expect(usage.status).toBe(200);
      expect(usage.body.companies.find((c: { companyId: string }) => c.companyId === company.id)).toEqual({
        companyId: company.id,
        companyName: 'Pumpe AS',
        used: 3,
        held: 2,
        budget: 3,
      });
      expect(usage.body.allowedCountries).toEqual(['NO']);
    });

    it('a company admin cannot read the SMS figures', async () => {
      const { client: admin } = await createCompany(app());
      expect((await admin.get('/api/operator/sms-usage')).status).toBe(403);
    });
  },
  { env: { SMS_HOURLY_BUDGET_PER_COMPANY: '3', SMS_HOURLY_BUDGET: '0' } },
);

describeEachEngine(
  'the global SMS budget (issue 12.4) holds across companies',
  (app) => {
    it('two codes for two companies fill it; a third company is refused with 429', async () => {
      const a = await orderingCompany(app());
      const b = await orderingCompany(app());
      const c = await orderingCompany(app());
      expect((await askCode(app(), a.company.orderToken)).status).toBe(202);
      expect((await askCode(app(), b.company.orderToken)).status).toBe(202);
      const r = await askCode(app(), c.company.orderToken);
      expect([r.status, r.body.error.code]).toEqual([429, 'SMS_BUDGET_EXCEEDED']);
      const usage = await (await operator(app())).get('/api/operator/sms-usage');
      expect(usage.body.global).toMatchObject({ used: 2, budget: 2 });
    });
  },
  { env: { SMS_HOURLY_BUDGET: '2' } },
);
