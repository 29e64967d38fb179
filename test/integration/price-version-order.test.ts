import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { subscriptions } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { OPERATOR } from '../support/test-app';
import { employeeClient, order, orderingCompany } from './employee-support';

// Issue 7: a price version entered ahead of time takes effect on its date, on new orders too.
describeEachEngine(
  'a new price version reaches the order page and new orders on its date (issue 7)',
  (app) => {
    it('before its date orders keep the old price; from the month it is valid, the new one', async () => {
      const operator = new TestClient(app().server);
      await operator.login(OPERATOR.email, OPERATOR.password);
      const saved = await operator.put('/api/operator/catalog/price-versions/2027-04-01', {
        prices: [{ categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 90_000 }],
      });
      expect(saved.status).toBeLessThan(300);

      const { company } = await orderingCompany(app(), {
        selfService: 'automatic',
        subsidy: { type: 'percent', value: 50 },
      });
      const voksenOneZone = async () => {
        const page = await new TestClient(app().server).get(`/api/order/${company.orderToken}`);
        return page.body.prices.find(
          (p: { categoryId: string; zoneCount: number }) => p.categoryId === 'voksen' && p.zoneCount === 1,
        );
      };

      // 15 February: the start date is 1 March, still priced with the old version.
      app().setNow('2027-02-15T10:00:00+01:00');
      const march = await voksenOneZone();
      expect(march.monthlyPriceOre).not.toBe(90_000);

      // 15 March: the start date is 1 April, the month the new version is valid from.
      app().setNow('2027-03-15T10:00:00+01:00');
      expect(await voksenOneZone()).toMatchObject({
        monthlyPriceOre: 90_000,
        companyShareOre: 45_000,
        deductionOre: 45_000,
      });
      const { client } = await employeeClient(app(), company.orderToken);
      const ordered = await client.post('/api/me/subscriptions', order());
      expect(ordered.status).toBe(201);
      expect(ordered.body.startDate).toBe('2027-04-01');
      // The consent the employee gave is stored with the price split of the new version.
      const [stored] = await app()
        .ctx.db.select()
        .from(subscriptions)
        .where(eq(subscriptions.id, ordered.body.id));
      expect(stored?.consent).toMatchObject({
        priceOre: 90_000,
        companyShareOre: 45_000,
        deductionOre: 45_000,
      });
      app().setNow('2027-01-15T10:00:00+01:00');
    });
  },
);
