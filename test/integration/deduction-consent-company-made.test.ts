import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { remindMissingConsents } from '../../src/app/subscriptions/consent-reminders';
import { setEmployeeLanguage } from '../../src/db/repositories/subscriptions';
import { companies, users } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';
import { codeIn, freshIp } from './employee-support';

type Message = { kind: string; body: string; subject: string; to: string };
type Row = { subscriptionId: string; consentMissing: boolean; consentedDeductionOre: number | null };

async function outbox(app: TestApp, to: string, kind?: string): Promise<Message[]> {
  const r = await new TestClient(app.server).get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  return (r.body.messages as Message[]).filter((m) => !kind || m.kind === kind);
}

async function payrollRow(client: TestClient, month: string, subscriptionId: string): Promise<Row> {
  const r = await client.get(`/api/company/payroll?month=${month}`);
  expect(r.status).toBe(200);
  const row = (r.body.rows as Row[]).find((x) => x.subscriptionId === subscriptionId);
  if (!row) throw new Error('row missing');
  return row;
}

/** The consent link's path (`/samtykke/{token}`) in an SMS. */
function consentPath(body: string): string {
  const match = /\/samtykke\/([\w-]+)/.exec(body);
  if (!match) throw new Error(`no consent link in: ${body}`);
  return match[1]!;
}

/** Logs the employee in through the consent link (not the order link). */
async function consentClient(app: TestApp, token: string, phone: string, lang = 'nb') {
  const client = new TestClient(app.server, lang);
  const sent = await client.post(`/api/consent/${token}/otp`, { phone }, { 'x-forwarded-for': freshIp() });
  expect(sent.status).toBe(202);
  const codes = await outbox(app, phone, 'login_code');
  const code = codeIn(codes[0]!.body);
  const verified = await client.post(`/api/consent/${token}/otp/verify`, { phone, code });
  expect(verified.status).toBe(200);
  return client;
}

async function operator(app: TestApp): Promise<TestClient> {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

describeEachEngine(
  'issue 15 (a–d): consent only by the employee, its own link, price raises, admin notices',
  (app) => {
    it('(a) a ticket re-added by hand after it ended is no consent: payroll marks it (0 agreed), the employee gets the consent link in English, and confirming clears it', async () => {
      app().setNow('2027-01-15T10:00:00+01:00');
      const { client, company } = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
      const phone = mobile();
      const first = await createSubscription(app(), {
        companyId: company.id,
        phone,
        firstName: 'Emma',
        lastName: 'Berg',
        startDate: '2027-01-01',
      });
      await setEmployeeLanguage(app().ctx.db, company.id, first.phone, 'en');
      const ended = await client.post(`/api/company/subscriptions/${first.id}/end`, { effective: 'now' });
      expect(ended.status).toBe(200);

      // Re-added by the admin with three zones from February: 1 432 kr, half of it 716 kr, never agreed to.
      const readded = await client.post('/api/company/subscriptions', {
        firstName: 'Emma',
        lastName: 'Berg',
        phone,
        zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
        categoryId: 'voksen',
      });
      expect(readded.status).toBe(201);
      expect(await payrollRow(client, '2027-02', readded.body.id)).toMatchObject({
        consentMissing: true,
        consentedDeductionOre: 0,
      });
      const asked = (await outbox(app(), first.phone, 'ticket_approved')).filter((m) =>
        m.body.includes('/samtykke/'),
      );
      expect(asked).toHaveLength(1);
      expect(asked[0]!.body).toContain('NOK 716 per month');
      expect(asked[0]!.body).toContain('once you agree to it');

      const employee = await consentClient(app(), consentPath(asked[0]!.body), phone, 'en');
      const open = await employee.get('/api/me/consents');
      expect(open.body.items).toEqual([
        expect.objectContaining({ reason: 'added', consentedDeductionOre: 0, deductionOre: 71_600 }),
      ]);
      const confirmed = await employee.post(`/api/me/consents/${open.body.items[0].id}/confirm`, {
        deductionOre: 71_600,
        language: 'en',
      });
      expect(confirmed.status).toBe(200);
      expect(await payrollRow(client, '2027-02', readded.body.id)).toMatchObject({ consentMissing: false });

      // Once agreed, a later raise (a lower company share) asks from the agreed amount, not from 0.
      expect(
        (await client.patch('/api/company/settings', { subsidy: { type: 'percent', value: 20 } })).status,
      ).toBe(200);
      expect(await payrollRow(client, '2027-02', readded.body.id)).toMatchObject({
        consentMissing: true,
        consentedDeductionOre: 71_600,
      });
    });

    it('(a) an imported ticket is no consent either; a fully subsidised one needs none; a zone change of an unagreed ticket still asks from 0', async () => {
      app().setNow('2027-01-15T10:00:00+01:00');
      const { client } = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
      const phone = mobile();
      const r = await client.post('/api/company/subscriptions/import', {
        csv: `Fornavn;Etternavn;Telefon;Soner;Kategori\nTor;Tå;${phone};kristiansand;voksen`,
      });
      expect(r.status).toBe(201);
      const id = r.body.items[0].id as string;
      expect(await payrollRow(client, '2027-02', id)).toMatchObject({
        consentMissing: true,
        consentedDeductionOre: 0,
      });
      const sms = await outbox(app(), `+47${phone}`, 'ticket_approved');
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body).toContain('407 kr per måned');

      // A lower deduction of a ticket never agreed to is still above 0: still asked, from 0.
      await client.post(`/api/company/subscriptions/${id}/change-zones`, {
        zoneIds: ['kristiansand', 'vennesla'],
      });
      expect(await payrollRow(client, '2027-03', id)).toMatchObject({
        consentMissing: true,
        consentedDeductionOre: 0,
      });

      const generous = await createCompany(app(), { subsidy: { type: 'fixed', value: 200_000 } });
      const covered = await generous.client.post('/api/company/subscriptions', {
        firstName: 'Ida',
        lastName: 'Lund',
        phone: mobile(),
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
      });
      expect(covered.status).toBe(201);
      expect(await payrollRow(generous.client, '2027-02', covered.body.id)).toMatchObject({
        consentMissing: false,
      });
    });

    it('(b) the consent link keeps working after the order link is rotated and self-service is off; a forged one is 404; a deactivated company is told clearly in nb and en', async () => {
      app().setNow('2027-01-15T10:00:00+01:00');
      const { client, company } = await createCompany(app(), { subsidy: { type: 'percent', value: 50 } });
      const phone = mobile();
      const added = await client.post('/api/company/subscriptions', {
        firstName: 'Ola',
        lastName: 'Dahl',
        phone,
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
      });
      const [sms] = await outbox(app(), `+47${phone}`, 'ticket_approved');
      const token = consentPath(sms!.body);

      expect((await client.post('/api/company/order-link/rotate', {})).status).toBeLessThan(300);
      expect((await client.patch('/api/company/settings', { selfService: 'disabled' })).status).toBe(200);
      const page = await new TestClient(app().server).get(`/api/consent/${token}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ company: { name: company.name }, signedInPhone: null });
      const employee = await consentClient(app(), token, phone);
      const open = await employee.get('/api/me/consents');
      expect(open.body.items.map((c: { subscriptionId: string }) => c.subscriptionId)).toEqual([
        added.body.id,
      ]);
      expect((await employee.get(`/api/consent/${token}`)).body.signedInPhone).toBe(`+47${phone}`);

      // A number with no consent request of the company gets no code (and the same answer).
      const stranger = mobile();
      const quiet = await new TestClient(app().server).post(
        `/api/consent/${token}/otp`,
        { phone: stranger },
        { 'x-forwarded-for': freshIp() },
      );
      expect(quiet.status).toBe(202);
      expect(await outbox(app(), `+47${stranger}`)).toHaveLength(0);

      const forged = await new TestClient(app().server).get(`/api/consent/${company.id}-${'A'.repeat(43)}`);
      expect(forged.status).toBe(404);
      expect(forged.body.error.code).toBe('CONSENT_LINK_INVALID');

      const op = await operator(app());
      expect(
        (await op.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true })).status,
      ).toBeLessThan(300);
      const nb = await new TestClient(app().server, 'nb').get(`/api/consent/${token}`);
      expect(nb.status).toBe(410);
      expect(nb.body.error.code).toBe('CONSENT_COMPANY_INACTIVE');
      expect(nb.body.error.message).toContain('ikke lenger bedriftsbillett');
      const en = await new TestClient(app().server, 'en').get(`/api/consent/${token}`);
      expect(en.body.error.message).toContain('no longer offers the company ticket');
    });

    it('(c) a price raise under custom terms not declared to follow the price list asks consent (payroll marked, SMS with the link); declared or default terms do not', async () => {
      app().setNow('2027-01-15T10:00:00+01:00');
      const custom = await createCompany(app());
      await app()
        .ctx.db.update(companies)
        .set({ deductionTerms: 'Vi trekker 814 kr i måneden.' })
        .where(eq(companies.id, custom.company.id));
      const settings = await custom.client.get('/api/company/settings');
      expect(settings.body.deductionFollowsPriceList).toBe(false);
      const ola = await createSubscription(app(), { companyId: custom.company.id, startDate: '2027-01-01' });

      const declared = await createCompany(app());
      const patched = await declared.client.patch('/api/company/settings', {
        deductionTerms: 'Trekket følger prislisten.',
        deductionFollowsPriceList: true,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.deductionFollowsPriceList).toBe(true);
      const kari = await createSubscription(app(), {
        companyId: declared.company.id,
        startDate: '2027-01-01',
      });
      const plain = await createCompany(app());
      expect((await plain.client.get('/api/company/settings')).body.deductionFollowsPriceList).toBe(true);
      const per = await createSubscription(app(), { companyId: plain.company.id, startDate: '2027-01-01' });

      const op = await operator(app());
      const version = { prices: [{ categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 90_000 }] };
      expect((await op.put('/api/operator/catalog/price-versions/2027-03-01', version)).status).toBe(200);

      const asked = await outbox(app(), ola.phone, 'price_changed');
      expect(asked).toHaveLength(1);
      expect(asked[0]!.body).toContain('900 kr per måned (før 814 kr)');
      expect(asked[0]!.body).toMatch(/godkjenne her: \S+\/samtykke\/[\w-]+/);
      expect(await payrollRow(custom.client, '2027-03', ola.id)).toMatchObject({
        consentMissing: true,
        consentedDeductionOre: 81_400,
      });
      expect(await payrollRow(custom.client, '2027-02', ola.id)).toMatchObject({ consentMissing: false });
      for (const [who, client] of [
        [kari, declared.client],
        [per, plain.client],
      ] as const) {
        const told = await outbox(app(), who.phone, 'price_changed');
        expect(told).toHaveLength(1);
        expect(told[0]!.body).not.toContain('/samtykke/');
        expect(await payrollRow(client, '2027-03', who.id)).toMatchObject({ consentMissing: false });
      }

      // The version withdrawn: the consent it asked for is no longer needed.
      expect((await op.delete('/api/operator/catalog/price-versions/2027-03-01')).status).toBeLessThan(300);
      expect(await payrollRow(custom.client, '2027-03', ola.id)).toMatchObject({ consentMissing: false });
    });

    it('(d) an admin who chose "at once" is emailed when a consent becomes missing, once per amount, in their language; "digest" hears from the daily job only, "none" never', async () => {
      app().setNow('2027-01-15T10:00:00+01:00');
      const { client, company, adminEmail } = await createCompany(app(), {
        subsidy: { type: 'percent', value: 50 },
      });
      expect(
        (await client.put('/api/auth/me/preferences', { language: 'en', newOrderNotice: 'immediate' }))
          .status,
      ).toBe(200);
      const [digestAdmin, quietAdmin] = ['digest', 'none'].map(
        (k) => `${k}-${Date.now()}-${Math.random()}@bedrift.example`,
      );
      const [admin] = await app().ctx.db.select().from(users).where(eq(users.email, adminEmail));
      for (const [email, notice] of [
        [digestAdmin!, 'digest'],
        [quietAdmin!, 'none'],
      ] as const) {
        await app().ctx.db.insert(users).values({
          email,
          passwordHash: admin!.passwordHash,
          name: notice,
          role: 'company_admin',
          companyId: company.id,
          newOrderNotice: notice,
          language: 'nb',
        });
      }
      const sub = await createSubscription(app(), {
        companyId: company.id,
        firstName: 'Ola',
        lastName: 'Nordmann',
        startDate: '2027-01-01',
      });
      const raise = { zoneIds: ['kristiansand', 'vennesla'] };
      await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, raise);
      const atOnce = await outbox(app(), adminEmail, 'admin_consent_missing');
      expect(atOnce).toHaveLength(1);
      expect(atOnce[0]!.subject).toContain('Consent missing');
      // February: 1 zone 814 kr, half of it agreed (407); both amounts are named.
      expect(atOnce[0]!.body).toContain('Ola Nordmann has not yet agreed to the higher salary deduction');
      expect(atOnce[0]!.body).toContain('agreed is NOK 407');
      expect(await outbox(app(), digestAdmin!, 'admin_consent_missing')).toHaveLength(0);

      // A further raise of the same request is a new amount: told again at once.
      const third = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
        zoneIds: ['kristiansand', 'vennesla', 'lillesand'],
      });
      expect(third.status).toBe(200);
      expect(await outbox(app(), adminEmail, 'admin_consent_missing')).toHaveLength(2);

      // The daily job once the raise is in force: the digest admin now, not the one told already.
      app().setNow('2027-02-01T07:00:00+01:00');
      await remindMissingConsents(app().ctx);
      await remindMissingConsents(app().ctx);
      expect(await outbox(app(), adminEmail, 'admin_consent_missing')).toHaveLength(2);
      const digest = await outbox(app(), digestAdmin!, 'admin_consent_missing');
      expect(digest).toHaveLength(1);
      expect(digest[0]!.subject).toContain('Samtykke mangler');
      expect(await outbox(app(), quietAdmin!, 'admin_consent_missing')).toHaveLength(0);
    });
  },
);
