import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { toSubscriptionDto } from '../../src/app/subscriptions/to-dto';
import { DEMO, seedDemoData } from '../../src/db/demo';
import { listSubscriptions } from '../../src/db/repositories/subscriptions';
import { companies } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';

describeEachEngine('demo data (issue 2.9)', (app) => {
  it('makes a company with an admin login and thirty employees in every state, once', async () => {
    const first = await seedDemoData(app().ctx);
    const again = await seedDemoData(app().ctx);
    expect(again?.orderUrl).toBe(first?.orderUrl);
    const [company] = await app()
      .ctx.db.select()
      .from(companies)
      .where(eq(companies.orgNumber, DEMO.orgNumber));
    const subs = await listSubscriptions(app().ctx.db, company!.id);
    expect(subs).toHaveLength(30);
    const statuses = new Set(subs.map((s) => toSubscriptionDto(s, app().clock.now()).status));
    expect([...statuses].sort()).toEqual(['active', 'approved', 'cancelled', 'ended', 'pending', 'rejected']);
    const admin = new TestClient(app().server);
    expect((await admin.login(DEMO.adminEmail, DEMO.adminPassword)).user.role).toBe('company_admin');
  });
});
