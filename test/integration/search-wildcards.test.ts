import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR, type TestApp } from '../support/test-app';

async function operator(app: TestApp) {
  const client = new TestClient(app.server);
  await client.login(OPERATOR.email, OPERATOR.password);
  return client;
}

/**
 * Issue 12 item 9: what a person types in a search box matches itself. `%`, `_` and `\` are
 * never LIKE wildcards, in every search (one helper, src/db/repositories/like.ts).
 */
describeEachEngine('issue 12 item 9: search input is escaped (%, _ and \\ match themselves)', (app) => {
  it("the operator's company search: '%' finds only names with a per cent sign, '_' and '\\' find none", async () => {
    const op = await operator(app());
    await createCompany(app(), { name: 'Hundre % Rabatt AS' });
    await createCompany(app(), { name: 'Vanlig Bedrift AS' });
    const names = async (q: string) => {
      const r = await op.get(`/api/operator/companies?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      return r.body.items.map((c: { name: string }) => c.name);
    };
    expect(await names('%')).toEqual(['Hundre % Rabatt AS']);
    expect(await names('_')).toEqual([]);
    expect(await names('\\')).toEqual([]);
    expect(await names('Hundre%Rabatt')).toEqual([]);
  });

  it("the message log's search: '_' and '%' are not wildcards", async () => {
    const op = await operator(app());
    const all = await op.get('/api/operator/messages?limit=200');
    expect(all.body.total).toBeGreaterThan(0);
    for (const q of ['_', '%', '__%']) {
      const r = await op.get(`/api/operator/messages?q=${encodeURIComponent(q)}&limit=200`);
      expect(r.status).toBe(200);
      // Every hit holds what was typed, literally (the '%' company's invitation has it in its name).
      for (const m of r.body.items as { to: string; companyName: string | null }[]) {
        expect(`${m.to} ${m.companyName ?? ''}`).toContain(q);
      }
      expect(r.body.total).toBeLessThan(all.body.total);
    }
    expect((await op.get('/api/operator/messages?q=_')).body.total).toBe(0);
  });

  it("the company's subscription list: '%' and '_' match no name or phone", async () => {
    const { company, client: admin } = await createCompany(app());
    await createSubscription(app(), { companyId: company.id, startDate: '2027-02-01', firstName: 'Kari' });
    expect((await admin.get('/api/company/subscriptions')).body.items).toHaveLength(1);
    for (const q of ['%', '_', '\\']) {
      const r = await admin.get(`/api/company/subscriptions?q=${encodeURIComponent(q)}`);
      expect([q, r.status, r.body.items.length]).toEqual([q, 200, 0]);
    }
  });
});
