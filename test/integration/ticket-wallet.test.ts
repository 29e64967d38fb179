import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expect, it } from 'vitest';
import { auditLog, subscriptions, ticketCredentials } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import type { TestApp } from '../support/test-app';

async function ticketFor(
  app: TestApp,
  input: { startDate: string; endDate?: string | null; zoneIds?: string[] },
) {
  const { company, client: admin } = await createCompany(app, { name: 'Sørlandsbedriften AS' });
  const sub = await createSubscription(app, {
    companyId: company.id,
    firstName: 'Kari',
    lastName: 'Nordmann',
    zoneIds: input.zoneIds ?? ['kristiansand', 'vennesla'],
    categoryId: 'voksen',
    startDate: input.startDate,
    endDate: input.endDate ?? null,
  });
  return { company, admin, sub, url: `/api/tickets/${sub.ticketAccessToken}` };
}

describeEachEngine('ticket wallet API (issue 5, rule 7)', (app) => {
  const client = () => new TestClient(app().server);

  it('rule 7: before the start date the ticket is upcoming, with holder, zones by name and a signed credential', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { url, company } = await ticketFor(app(), { startDate: '2027-03-01' });
    const r = await client().get(url);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'upcoming',
      validFrom: '2027-02-28T23:00:00.000Z',
      validTo: null,
      holder: { firstName: 'Kari', lastName: 'Nordmann' },
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      startDate: '2027-03-01',
      endDate: null,
      companyName: company.name,
      category: { id: 'voksen', name: 'Voksen', nameEn: 'Adult' },
      zones: [
        { id: 'kristiansand', name: 'Kristiansand' },
        { id: 'vennesla', name: 'Vennesla' },
      ],
      credentialValidFrom: '2027-02-28T23:00:00.000Z',
      credentialValidTo: '2027-03-31T21:59:59.000Z',
    });
    const header = decodeProtectedHeader(r.body.credential);
    expect(header.alg).toBe('EdDSA');
    const jwks = await client().get('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
    expect(decodeJwt(r.body.credential)).toMatchObject({
      holder: { firstName: 'Kari', lastName: 'Nordmann' },
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
    });
  });

  it('the credential is signed once per period: opening the ticket again returns the same one', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { url, sub } = await ticketFor(app(), { startDate: '2027-02-01' });
    const first = await client().get(url);
    const second = await client().get(url);
    expect(second.body.credential).toBe(first.body.credential);
    const rows = await app()
      .ctx.db.select()
      .from(ticketCredentials)
      .where(eq(ticketCredentials.subscriptionId, sub.id));
    expect(rows).toHaveLength(1);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, sub.id));
    // Issue 16, item 7: fetching a credential is a read and never reaches the audit log.
    expect(audit.map((a) => a.action)).not.toContain('ticket.credential_issued');
  });

  it('rule 7: activates at 00:00 Oslo on the start date (clock moved across it)', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { url } = await ticketFor(app(), { startDate: '2027-03-01' });
    app().setNow('2027-02-28T23:59:59+01:00');
    expect((await client().get(url)).body.status).toBe('upcoming');
    app().setNow('2027-03-01T00:00:00+01:00');
    const r = await client().get(url);
    expect(r.body.status).toBe('valid');
    expect(
      (await client().post('/api/inspection/verify', { credential: r.body.credential })).body.valid,
    ).toBe(true);
  });

  it('DST: a ticket starting 2027-03-28 activates at 00:00 CET, its period ends 23:59:59 CEST', async () => {
    app().setNow('2027-03-20T12:00:00+01:00');
    const { url } = await ticketFor(app(), { startDate: '2027-03-28' });
    app().setNow('2027-03-27T23:59:59+01:00');
    expect((await client().get(url)).body.status).toBe('upcoming');
    app().setNow('2027-03-28T00:00:00+01:00');
    const r = await client().get(url);
    expect(r.body).toMatchObject({
      status: 'valid',
      validFrom: '2027-03-27T23:00:00.000Z',
      credentialValidFrom: '2027-03-27T23:00:00.000Z',
      credentialValidTo: '2027-03-31T21:59:59.000Z',
    });
  });

  it('rule 7: renews every month: at the month end a new credential for the new month, the old one expires', async () => {
    app().setNow('2027-02-10T12:00:00+01:00');
    const { url } = await ticketFor(app(), { startDate: '2027-03-01' });
    app().setNow('2027-03-31T23:59:59+02:00');
    const march = await client().get(url);
    expect(march.body.credentialValidTo).toBe('2027-03-31T21:59:59.000Z');
    app().setNow('2027-04-01T00:00:00+02:00');
    const april = await client().get(url);
    expect(april.body.status).toBe('valid');
    expect(april.body.credential).not.toBe(march.body.credential);
    expect(april.body.credentialValidFrom).toBe('2027-03-31T22:00:00.000Z');
    expect(april.body.credentialValidTo).toBe('2027-04-30T21:59:59.000Z');
    const old = await client().post('/api/inspection/verify', { credential: march.body.credential });
    expect(old.body).toMatchObject({ valid: false, reason: 'expired' });
    const fresh = await client().post('/api/inspection/verify', { credential: april.body.credential });
    expect(fresh.body.valid).toBe(true);
  });

  it('rule 7: after the end date (23:59:59 Oslo) the ticket is ended', async () => {
    app().setNow('2027-02-10T12:00:00+01:00');
    const { url } = await ticketFor(app(), { startDate: '2027-03-01', endDate: '2027-04-15' });
    app().setNow('2027-04-15T23:59:59+02:00');
    expect((await client().get(url)).body).toMatchObject({
      status: 'valid',
      validTo: '2027-04-15T21:59:59.000Z',
    });
    app().setNow('2027-04-16T00:00:00+02:00');
    const ended = await client().get(url);
    expect(ended.body.status).toBe('ended');
    expect(
      (await client().post('/api/inspection/verify', { credential: ended.body.credential })).body,
    ).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });

  it('rule 8: a zone change gives a new credential with the new zones; the old one is revoked', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { url, sub, admin } = await ticketFor(app(), {
      startDate: '2027-03-01',
      zoneIds: ['kristiansand'],
    });
    const before = await client().get(url);
    expect(before.body.zoneIds).toEqual(['kristiansand']);
    const change = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'lillesand'],
      effective: 'now',
    });
    expect(change.status).toBe(200);
    const after = await client().get(url);
    expect(after.body.zoneIds).toEqual(['kristiansand', 'lillesand']);
    expect(after.body.zones.map((z: { name: string }) => z.name)).toEqual(['Kristiansand', 'Lillesand']);
    expect(decodeJwt(after.body.credential).zoneIds).toEqual(['kristiansand', 'lillesand']);
    expect(after.body.credentialValidFrom).toBe('2027-03-04T23:00:00.000Z');
    const old = await client().post('/api/inspection/verify', { credential: before.body.credential });
    expect(old.body).toMatchObject({ valid: false, reason: 'revoked', zoneIds: ['kristiansand'] });
    const fresh = await client().post('/api/inspection/verify', { credential: after.body.credential });
    expect(fresh.body).toMatchObject({ valid: true, zoneIds: ['kristiansand', 'lillesand'] });
  });

  it('rule 10: ended "now" → the ticket is ended at once and its credential verifies as revoked', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { url, sub, admin } = await ticketFor(app(), { startDate: '2027-03-01' });
    const before = await client().get(url);
    expect(
      (await client().post('/api/inspection/verify', { credential: before.body.credential })).body.valid,
    ).toBe(true);
    const end = await admin.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'now' });
    expect(end.status).toBe(200);
    const verify = await client().post('/api/inspection/verify', { credential: before.body.credential });
    expect(verify.body).toMatchObject({ valid: false, reason: 'revoked', holder: { firstName: 'Kari' } });
    const after = await client().get(url);
    expect(after.body.status).toBe('ended');
    const revokedAt = Date.parse(end.body.revokedAt);
    expect(after.body.validTo).toBe(new Date(Math.floor(revokedAt / 1000) * 1000).toISOString());
  });

  it('a pending order has no ticket yet: 404 TICKET_NOT_FOUND, like an unknown or malformed token', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { company } = await createCompany(app());
    const pending = await createSubscription(app(), {
      companyId: company.id,
      startDate: '2027-02-01',
      state: 'pending',
    });
    for (const token of [pending.ticketAccessToken, 'x'.repeat(43), '..%2F..%2Fetc', 'a'.repeat(100)]) {
      const r = await client().get(`/api/tickets/${token}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('TICKET_NOT_FOUND');
    }
    const en = await new TestClient(app().server, 'en').get(`/api/tickets/${pending.ticketAccessToken}`);
    expect(en.body.error.message).toMatch(/No ticket was found/);
  });

  it('rule 10: a cancelled order has no ticket (404) and a credential it got is revoked', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { sub, url } = await ticketFor(app(), { startDate: '2027-02-01' });
    const before = await client().get(url);
    await app().ctx.db.update(subscriptions).set({ state: 'cancelled' }).where(eq(subscriptions.id, sub.id));
    expect((await client().get(url)).status).toBe(404);
    app().setNow('2027-02-02T10:00:00+01:00');
    const verify = await client().post('/api/inspection/verify', { credential: before.body.credential });
    expect(verify.body).toMatchObject({ valid: false, reason: 'revoked' });
  });
});
