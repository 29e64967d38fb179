import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

type Entry = {
  id: number;
  sentence: string;
  changes: { label: string; before: string; after: string }[];
  action: string;
  subject: { name: string } | null;
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describeEachEngine('a readable audit log (issue 16, item 7)', (app) => {
  async function scene() {
    app().setNow('2027-01-15T10:00:00+01:00');
    const c = await createCompany(app());
    const ola = await createSubscription(app(), {
      companyId: c.company.id,
      firstName: 'Ola',
      lastName: 'Hansen',
      startDate: '2027-01-01',
    });
    const kari = await createSubscription(app(), {
      companyId: c.company.id,
      firstName: 'Kari',
      lastName: 'Berg',
      startDate: '2027-01-01',
    });
    expect(
      (
        await c.client.post(`/api/company/subscriptions/${ola.id}/change-zones`, {
          zoneIds: ['kristiansand', 'vennesla'],
          effective: 'next_month',
        })
      ).status,
    ).toBe(200);
    app().setNow('2027-01-20T10:00:00+01:00');
    const client = new TestClient(app().server);
    await client.login(c.adminEmail, 'admin-password-1234');
    expect(
      (
        await client.post(`/api/company/subscriptions/${kari.id}/end`, {
          effective: 'date',
          endDate: '2027-03-31',
        })
      ).status,
    ).toBe(200);
    const adminName = c.admin.name;
    return { ...c, client, ola, kari, adminName };
  }

  it("each entry is a sentence in the reader's language, the employee named, differences in words, no ids or JSON", async () => {
    const { client, adminName } = await scene();
    const nb = (await client.get('/api/company/audit')).body.items as Entry[];
    expect(nb.map((e) => e.sentence)).toContain(
      `${adminName} endret soner for Ola Hansen: Kristiansand → Kristiansand, Vennesla, fra 1. februar 2027`,
    );
    expect(nb.map((e) => e.sentence)).toContain(
      `${adminName} avsluttet abonnementet til Kari Berg, siste dag 31. mars 2027`,
    );
    const zones = nb.find((e) => e.action === 'subscription.zones_changed')!;
    expect(zones.subject?.name).toBe('Ola Hansen');
    expect(zones.changes).toEqual([
      { label: 'Soner', before: 'Kristiansand', after: 'Kristiansand, Vennesla' },
    ]);
    for (const e of nb) {
      expect(`${e.sentence} ${JSON.stringify(e.changes)}`).not.toMatch(UUID);
      expect(e).not.toHaveProperty('before');
      expect(e).not.toHaveProperty('after');
    }
    const english = (
      await client.request('GET', '/api/company/audit', undefined, { 'accept-language': 'en' })
    ).body.items as Entry[];
    expect(english.map((e) => e.sentence)).toContain(
      `${adminName} changed the zones for Ola Hansen: Kristiansand → Kristiansand, Vennesla, from 1 February 2027`,
    );
  });

  it('a wallet fetching its credential is a read and never enters the log', async () => {
    const { client, ola } = await scene();
    const before = (await client.get('/api/company/audit?limit=200')).body.items.length;
    const wallet = new TestClient(app().server);
    for (let i = 0; i < 3; i++)
      expect((await wallet.get(`/api/tickets/${ola.ticketAccessToken}`)).status).toBe(200);
    const after = (await client.get('/api/company/audit?limit=200')).body.items as Entry[];
    expect(after).toHaveLength(before);
    expect(after.map((e) => e.action)).not.toContain('ticket.credential_issued');
  });

  it('filters by employee, action, admin and date, pages by entry, and never shows another company', async () => {
    const { client, admin } = await scene();
    const other = await createCompany(app());
    await createSubscription(app(), {
      companyId: other.company.id,
      firstName: 'Ola',
      lastName: 'Hansen',
      startDate: '2027-01-01',
    });
    const get = async (q: string) => (await client.get(`/api/company/audit?${q}`)).body.items as Entry[];
    const olas = await get('employee=ola%20hansen');
    expect(olas.length).toBeGreaterThan(0);
    expect(olas.every((e) => e.subject?.name === 'Ola Hansen')).toBe(true);
    expect((await get('action=subscription.ended')).map((e) => e.subject?.name)).toEqual(['Kari Berg']);
    const byAdmin = await get(`actorId=${admin.id}`);
    expect(byAdmin.map((e) => e.action).sort()).toEqual(['subscription.ended', 'subscription.zones_changed']);
    expect((await get('from=2027-01-20&to=2027-01-20')).map((e) => e.action)).toEqual(['subscription.ended']);
    expect((await get('to=2027-01-19')).map((e) => e.action)).not.toContain('subscription.ended');
    const first = (await client.get('/api/company/audit?limit=1')).body;
    expect(first.items).toHaveLength(1);
    const second = (await client.get(`/api/company/audit?limit=1&before=${first.nextBefore}`)).body;
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
    expect((await client.get('/api/company/audit?from=2027-02-30')).status).toBe(400);
    expect((await client.get('/api/company/audit?actorId=nobody')).status).toBe(400);
  });

  it("the employee's page shows the same sentences", async () => {
    const { client, ola, adminName } = await scene();
    const detail = (await client.get(`/api/company/subscriptions/${ola.id}`)).body;
    expect(detail.history.map((e: Entry) => e.sentence)).toContain(
      `${adminName} endret soner for Ola Hansen: Kristiansand → Kristiansand, Vennesla, fra 1. februar 2027`,
    );
  });
});
