import { expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription, mobile } from '../support/factories';

async function smsTo(client: TestClient, phone: string): Promise<string[]> {
  const r = await client.get(`/api/dev/outbox?to=${encodeURIComponent(phone)}`);
  return r.body.messages.map((m: { body: string }) => m.body);
}

describeEachEngine(
  'company subscriptions: by hand, approve, reject, change, end (rules 6, 8, 9, 10)',
  (app) => {
    it('by hand: approved at once, starts the 1st of next month by default, the ticket SMS goes out', async () => {
      const { client, company } = await createCompany(app());
      const phone = mobile();
      const r = await client.post('/api/company/subscriptions', {
        firstName: 'Nora',
        lastName: 'Hansen',
        phone,
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        companyId: company.id,
        status: 'approved',
        startDate: '2027-02-01',
        endDate: null,
        zoneIds: ['kristiansand'],
      });
      // One SMS: the ticket link, and (issue 15 (a)) the consent link: an admin's entry is no consent.
      const sms = await smsTo(client, phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]).toMatch(/\/billett\/[A-Za-z0-9_-]+/);
      expect(sms[0]).toMatch(/\/samtykke\/[A-Za-z0-9_-]+/);
      const today = await client.post('/api/company/subscriptions', {
        firstName: 'Ida',
        lastName: 'Berg',
        phone: mobile(),
        zoneIds: ['arendal'],
        categoryId: 'voksen',
        startDate: '2027-01-15',
      });
      expect(today.body.status).toBe('active');
    });

    it('by hand: a past start date, a bad phone, an unknown zone or a second live subscription is a 4xx and writes nothing', async () => {
      const { client } = await createCompany(app());
      const phone = mobile();
      const base = {
        firstName: 'Ole',
        lastName: 'Vik',
        phone,
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
      };
      const cases: [object, number, string][] = [
        [{ startDate: '2027-01-14' }, 400, 'START_DATE_INVALID'],
        [{ startDate: '2027-02-30' }, 400, 'DATE_INVALID'],
        [{ phone: '12345' }, 400, 'PHONE_INVALID'],
        [{ zoneIds: ['atlantis'] }, 400, 'ZONE_UNKNOWN'],
        [{ categoryId: 'astronaut' }, 400, 'CATEGORY_UNKNOWN'],
        [{ firstName: '  ' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [patch, status, code] of cases) {
        const r = await client.post('/api/company/subscriptions', { ...base, ...patch });
        expect(r.status, code).toBe(status);
        expect(r.body.error.code).toBe(code);
      }
      expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(0);
      expect((await client.post('/api/company/subscriptions', base)).status).toBe(201);
      const second = await client.post('/api/company/subscriptions', base);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('SUBSCRIPTION_EXISTS');
    });

    it('by hand: a double click with the same idempotency key makes one subscription and one SMS', async () => {
      const { client } = await createCompany(app());
      const phone = mobile();
      const body = { firstName: 'Siv', lastName: 'Dal', phone, zoneIds: ['lillesand'], categoryId: 'voksen' };
      const headers = { 'idempotency-key': 'click-0001-abcdef' };
      const [a, b] = await Promise.all([
        client.post('/api/company/subscriptions', body, headers),
        client.post('/api/company/subscriptions', body, headers),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await smsTo(client, phone)).toHaveLength(1);
    });

    it('list: sorted by name (issue 16), filter by status, search by name and by phone', async () => {
      const { client, company } = await createCompany(app());
      const phone = '+4791112233';
      const active = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-01-01',
        firstName: 'Anne',
        lastName: 'Aas',
      });
      const pending = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-02-01',
        state: 'pending',
        firstName: 'Bjørn',
        lastName: 'Bakke',
        phone,
      });
      const all = await client.get('/api/company/subscriptions');
      expect(all.body.items.map((s: { id: string }) => s.id)).toEqual([active.id, pending.id]);
      const onlyActive = await client.get('/api/company/subscriptions?status=active');
      expect(onlyActive.body.items.map((s: { id: string }) => s.id)).toEqual([active.id]);
      expect((await client.get('/api/company/subscriptions?q=bjørn bakke')).body.items[0].id).toBe(
        pending.id,
      );
      expect(
        (await client.get('/api/company/subscriptions?q=911 12')).body.items.map((s: { id: string }) => s.id),
      ).toEqual([pending.id]);
      expect((await client.get('/api/company/subscriptions?status=finished')).status).toBe(400);
    });

    it('rule 6: approving after the start date has passed starts on the 1st of the month after approval, and the SMS says so', async () => {
      const { client, company } = await createCompany(app());
      const phone = mobile();
      const order = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-01-01',
        state: 'pending',
        phone,
      });
      const r = await client.post(`/api/company/subscriptions/${order.id}/approve`, {});
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        status: 'approved',
        startDate: '2027-02-01',
        zoneIds: ['kristiansand'],
      });
      const sms = await smsTo(client, phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]).toContain('1. februar 2027');
      const detail = await client.get(`/api/company/subscriptions/${order.id}`);
      expect(detail.body.zoneSets).toEqual([
        { zoneIds: ['kristiansand'], validFrom: '2027-02-01', validTo: null },
      ]);
    });

    it('rule 6: "start today" starts a late order today', async () => {
      const { client, company } = await createCompany(app());
      const order = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-01-01',
        state: 'pending',
      });
      const r = await client.post(`/api/company/subscriptions/${order.id}/approve`, { startToday: true });
      expect(r.body).toMatchObject({ status: 'active', startDate: '2027-01-15' });
    });

    it('rule 6: approving twice (a double click) sends one SMS; a rejected order cannot be approved', async () => {
      const { client, company } = await createCompany(app());
      const phone = mobile();
      const order = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-02-01',
        state: 'pending',
        phone,
      });
      const [a, b] = await Promise.all([
        client.post(`/api/company/subscriptions/${order.id}/approve`, {}),
        client.post(`/api/company/subscriptions/${order.id}/approve`, {}),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.startDate).toBe('2027-02-01');
      expect(await smsTo(client, phone)).toHaveLength(1);
      const reject = await client.post(`/api/company/subscriptions/${order.id}/reject`, {});
      expect(reject.status).toBe(409);
      expect(reject.body.error.code).toBe('SUBSCRIPTION_STATE');
    });

    it('rule 6: rejecting sends an SMS with the reason, once', async () => {
      const { client, company } = await createCompany(app());
      const phone = mobile();
      const order = await createSubscription(app(), {
        companyId: company.id,
        startDate: '2027-02-01',
        state: 'pending',
        phone,
      });
      const r = await client.post(`/api/company/subscriptions/${order.id}/reject`, {
        reason: 'Du jobber ikke her lenger',
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'rejected', rejectionReason: 'Du jobber ikke her lenger' });
      await client.post(`/api/company/subscriptions/${order.id}/reject`, {
        reason: 'Du jobber ikke her lenger',
      });
      const sms = await smsTo(client, phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]).toContain('Du jobber ikke her lenger');
      expect((await client.post(`/api/company/subscriptions/${order.id}/approve`, {})).status).toBe(409);
    });

    it('rule 8: a zone change from next month closes the current zone set at the end of this month', async () => {
      const { client, company } = await createCompany(app());
      const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
      const r = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
        zoneIds: ['kristiansand', 'vennesla'],
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        zoneIds: ['kristiansand'],
        upcomingZoneIds: ['kristiansand', 'vennesla'],
        upcomingZoneIdsFrom: '2027-02-01',
      });
      const detail = await client.get(`/api/company/subscriptions/${sub.id}`);
      expect(detail.body.zoneSets).toEqual([
        { zoneIds: ['kristiansand'], validFrom: '2027-01-01', validTo: '2027-01-31' },
        { zoneIds: ['kristiansand', 'vennesla'], validFrom: '2027-02-01', validTo: null },
      ]);
      // The same change again is a no-op (no second history entry).
      await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
        zoneIds: ['vennesla', 'kristiansand'],
      });
      const again = await client.get(`/api/company/subscriptions/${sub.id}`);
      expect(again.body.zoneSets).toHaveLength(2);
      expect(again.body.history.map((h: { action: string }) => h.action)).toEqual([
        'subscription.created',
        'subscription.zones_changed',
      ]);
    });

    it('rule 8: a zone change "now" applies from today; the month is billed at the dearer set', async () => {
      const { client, company } = await createCompany(app());
      const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
      const r = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
        zoneIds: ['arendal', 'grimstad', 'lillesand'],
        effective: 'now',
      });
      expect(r.body.zoneIds).toEqual(['arendal', 'grimstad', 'lillesand']);
      const detail = await client.get(`/api/company/subscriptions/${sub.id}`);
      expect(detail.body.zoneSets).toEqual([
        { zoneIds: ['kristiansand'], validFrom: '2027-01-01', validTo: '2027-01-14' },
        { zoneIds: ['arendal', 'grimstad', 'lillesand'], validFrom: '2027-01-15', validTo: null },
      ]);
      const dashboard = await client.get('/api/company/dashboard');
      expect(dashboard.body.monthlyCost.priceOre).toBe(139000);
      const bad = await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, { zoneIds: [] });
      expect(bad.body.error.code).toBe('ZONES_REQUIRED');
    });

    it('rule 9: the preview shows the cost; "next month" ends the old this month and starts the new on the 1st', async () => {
      const { client, company } = await createCompany(app());
      const phone = mobile();
      const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01', phone });
      const preview = await client.get(
        `/api/company/subscriptions/${sub.id}/change-category/preview?categoryId=honnor&effective=next_month`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        oldEndDate: '2027-01-31',
        newStartDate: '2027-02-01',
        billedTwiceMonths: [],
        months: [
          { month: '2027-01', oldPriceOre: 79000, newPriceOre: null, totalOre: 79000 },
          { month: '2027-02', oldPriceOre: null, newPriceOre: 40700, totalOre: 40700 },
        ],
      });
      const r = await client.post(`/api/company/subscriptions/${sub.id}/change-category`, {
        categoryId: 'honnor',
      });
      expect(r.status).toBe(201);
      expect(r.body.ended).toMatchObject({
        id: sub.id,
        categoryId: 'voksen',
        endDate: '2027-01-31',
        status: 'active',
      });
      expect(r.body.created).toMatchObject({
        categoryId: 'honnor',
        status: 'approved',
        startDate: '2027-02-01',
        replacesId: sub.id,
        zoneIds: ['kristiansand'],
      });
      const sms = await smsTo(client, phone);
      expect(sms).toHaveLength(2); // the first ticket, then the new one
      const again = await client.post(`/api/company/subscriptions/${sub.id}/change-category`, {
        categoryId: 'honnor',
      });
      expect(again.status).toBe(201);
      expect(again.body.created.id).toBe(r.body.created.id);
      expect(await smsTo(client, phone)).toHaveLength(2);
    });

    it('rule 9: "now" ends the old today and starts the new today, and this month is billed for both', async () => {
      const { client, company } = await createCompany(app());
      const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
      const preview = await client.get(
        `/api/company/subscriptions/${sub.id}/change-category/preview?categoryId=ung-voksen&effective=now`,
      );
      expect(preview.body).toMatchObject({
        oldEndDate: '2027-01-15',
        newStartDate: '2027-01-15',
        billedTwiceMonths: ['2027-01'],
      });
      expect(preview.body.months[0]).toEqual({
        month: '2027-01',
        oldPriceOre: 79000,
        newPriceOre: 47400,
        totalOre: 126400,
      });
      const r = await client.post(`/api/company/subscriptions/${sub.id}/change-category`, {
        categoryId: 'ung-voksen',
        effective: 'now',
      });
      expect(r.status).toBe(201);
      expect(r.body.ended).toMatchObject({ status: 'ended', endDate: '2027-01-15' });
      expect(r.body.created).toMatchObject({
        status: 'active',
        startDate: '2027-01-15',
        categoryId: 'ung-voksen',
      });
      const dashboard = await client.get('/api/company/dashboard');
      expect(dashboard.body.monthlyCost).toMatchObject({ subscriptions: 2, priceOre: 126400 });
      const same = await client.post(`/api/company/subscriptions/${r.body.created.id}/change-category`, {
        categoryId: 'ung-voksen',
      });
      expect(same.status).toBe(400);
    });

    it('rule 10: the admin ends at the end of this month (default) or now; a not-started one is cancelled', async () => {
      const { client, company } = await createCompany(app());
      const a = await createSubscription(app(), { companyId: company.id, startDate: '2027-01-01' });
      const endOfMonth = await client.post(`/api/company/subscriptions/${a.id}/end`, {});
      expect(endOfMonth.body).toMatchObject({ status: 'active', endDate: '2027-01-31' });
      const now = await client.post(`/api/company/subscriptions/${a.id}/end`, { effective: 'now' });
      expect(now.body).toMatchObject({ status: 'ended', endDate: '2027-01-15' });
      const twice = await client.post(`/api/company/subscriptions/${a.id}/end`, { effective: 'now' });
      expect(twice.status).toBe(200);
      expect(twice.body.status).toBe('ended');
      const detail = await client.get(`/api/company/subscriptions/${a.id}`);
      expect(detail.body.zoneSets.at(-1).validTo).toBe('2027-01-15');
      expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
        'subscription.created',
        'subscription.ended',
        'subscription.ended',
      ]);

      const future = await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01' });
      const cancelled = await client.post(`/api/company/subscriptions/${future.id}/end`, {
        effective: 'end_of_month',
      });
      expect(cancelled.body.status).toBe('cancelled');
      const dashboard = await client.get('/api/company/dashboard');
      expect(dashboard.body.monthlyCost).toMatchObject({ subscriptions: 1, priceOre: 79000 });
      const changeEnded = await client.post(`/api/company/subscriptions/${a.id}/change-zones`, {
        zoneIds: ['arendal'],
      });
      expect(changeEnded.status).toBe(409);
    });

    it('an unknown or malformed subscription id is 404', async () => {
      const { client } = await createCompany(app());
      expect((await client.get('/api/company/subscriptions/not-a-uuid')).status).toBe(404);
      const r = await client.post(
        '/api/company/subscriptions/00000000-0000-4000-8000-000000000000/approve',
        {},
      );
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    });
  },
);
