import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

// Example catalog, voksen: 1 zone 790 kr, 2 zones 1 090 kr in January 2027; 814 kr and 1 123 kr
// from 1 February 2027. The clock stands at 2027-01-15.
describeEachEngine(
  'issue 16 item 8: the zone-change dialog shows price and deduction before and after',
  (app) => {
    async function scene() {
      const c = await createCompany(app());
      await c.client.patch('/api/company/settings', { subsidy: { type: 'percent', value: 50 } });
      const sub = await createSubscription(app(), { companyId: c.company.id, startDate: '2027-01-01' });
      return { ...c, sub };
    }

    it('rule 8: from next month, the new monthly price split into share and deduction, before and after', async () => {
      const { client, sub } = await scene();
      const r = await client.get(
        `/api/company/subscriptions/${sub.id}/change-zones/preview?zoneIds=kristiansand,vennesla&effective=next_month`,
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        effective: 'next_month',
        from: '2027-02-01',
        zoneIds: ['kristiansand', 'vennesla'],
        before: { priceOre: 81400, companyShareOre: 40700, deductionOre: 40700 },
        after: { priceOre: 112300, companyShareOre: 56150, deductionOre: 56150 },
        months: [
          { month: '2027-01', beforeOre: 79000, afterOre: 79000 },
          { month: '2027-02', beforeOre: 81400, afterOre: 112300 },
        ],
        deductionRises: true,
      });
    });

    it('rule 8: "now" bills this month at the dearer set; fewer zones lower the deduction', async () => {
      const { client, sub } = await scene();
      const more = await client.get(
        `/api/company/subscriptions/${sub.id}/change-zones/preview?zoneIds=kristiansand,vennesla&effective=now`,
      );
      expect(more.body).toMatchObject({
        from: '2027-01-15',
        months: [{ month: '2027-01', beforeOre: 79000, afterOre: 109000 }],
      });
      await client.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
        zoneIds: ['kristiansand', 'vennesla'],
        effective: 'now',
      });
      const fewer = await client.get(
        `/api/company/subscriptions/${sub.id}/change-zones/preview?zoneIds=kristiansand&effective=next_month`,
      );
      expect(fewer.body).toMatchObject({
        before: { deductionOre: 56150 },
        after: { deductionOre: 40700 },
        deductionRises: false,
      });
    });

    it('the preview changes nothing and refuses what the change refuses, with the same codes', async () => {
      const { client, sub } = await scene();
      const base = `/api/company/subscriptions/${sub.id}/change-zones/preview`;
      await client.get(`${base}?zoneIds=kristiansand,vennesla&effective=now`);
      const after = (await client.get(`/api/company/subscriptions/${sub.id}`)).body;
      expect(after.zoneIds).toEqual(['kristiansand']);
      expect(after.history.map((h: { action: string }) => h.action)).not.toContain(
        'subscription.zones_changed',
      );
      expect((await client.get(`${base}?zoneIds=atlantis&effective=now`)).body.error.code).toBe(
        'ZONE_UNKNOWN',
      );
      expect((await client.get(`${base}?zoneIds=&effective=now`)).status).toBe(400);
      expect((await client.get(`${base}?zoneIds=a,,b&effective=now`)).status).toBe(400);
      expect((await client.get(`${base}?effective=now`)).status).toBe(400);
    });
  },
);

describeEachEngine(
  'issue 16 item 8: a field required of employees is required when the admin adds by hand',
  (app) => {
    it('the employee number is required of the admin too; filled in, it is stored as typed and reaches the payroll basis', async () => {
      const { client } = await createCompany(app());
      await client.patch('/api/company/settings', {
        orderForm: {
          kind: 'custom',
          fields: [
            { key: 'ansattnr', label: 'Ansattnummer', type: 'number', required: true },
            { key: 'avdeling', label: 'Avdeling', type: 'text', required: false },
          ],
        },
      });
      const body = {
        firstName: 'Siri',
        lastName: 'Dal',
        phone: '+4794000031',
        zoneIds: ['kristiansand'],
        categoryId: 'voksen',
        startDate: '2027-01-15',
      };
      const missing = await client.post('/api/company/subscriptions', {
        ...body,
        fields: { avdeling: 'Drift' },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(missing.body.error.details)).toContain('fields.ansattnr');
      const wrong = await client.post('/api/company/subscriptions', {
        ...body,
        fields: { ansattnr: 'tolv' },
      });
      expect(wrong.status).toBe(400);
      expect((await client.get('/api/company/subscriptions')).body.items).toHaveLength(0);
      const ok = await client.post('/api/company/subscriptions', {
        ...body,
        fields: { ansattnr: '00789', ukjent: 'x' },
      });
      expect(ok.status).toBe(201);
      expect(ok.body.fields).toEqual({ ansattnr: '00789' });
      const payroll = await client.get('/api/company/payroll?month=2027-01');
      expect(payroll.body.rows[0].fields).toEqual({ ansattnr: '00789' });
    });
  },
);
