import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expect, it } from 'vitest';
import { auditLog, subscriptions, ticketCredentials } from '../../src/db/schema';
import { TestClient } from '../support/client';
import { newDevice, type TestDevice } from '../support/device';
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
  const phone = await newDevice(app.ctx.config.publicUrl);
  const url = `/api/tickets/${sub.ticketAccessToken}`;
  const client = new TestClient(app.server);
  await client.post(
    `${url}/activate`,
    {},
    await phone.headers('POST', `${url}/activate`, app.ctx.clock.now()),
  );
  return { company, admin, sub, url, phone };
}

describeEachEngine('ticket wallet API (issue 5, rule 7; device-bound since issue 13)', (app) => {
  const client = () => new TestClient(app().server);
  const open = async (phone: TestDevice, url: string) =>
    client().get(url, await phone.headers('GET', url, app().ctx.clock.now()));
  const verify = async (phone: TestDevice, credential: string) =>
    client().post('/api/inspection/verify', { code: await phone.code(credential, app().ctx.clock.now()) });

  it('rule 7: before the start date the ticket is upcoming, with holder and zones by name; credentials only for the coming days', async () => {
    app().setNow('2027-01-15T10:00:00+01:00');
    const { url, company, phone } = await ticketFor(app(), { startDate: '2027-03-01' });
    const r = await open(phone, url);
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
      device: 'this',
      credential: null,
      codes: [],
    });
    app().setNow('2027-02-27T10:00:00+01:00');
    const soon = await open(phone, url);
    expect(soon.body.codes.map((c: { validFrom: string }) => c.validFrom)).toEqual([
      '2027-02-28T23:00:00.000Z',
      '2027-03-01T23:00:00.000Z',
    ]);
    const header = decodeProtectedHeader(soon.body.credential);
    expect(header.alg).toBe('EdDSA');
    const jwks = await client().get('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
    expect(decodeJwt(soon.body.credential)).toMatchObject({
      holder: { firstName: 'Kari', lastName: 'Nordmann' },
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
    });
  });

  it('each day is signed once: opening the ticket again returns the same credentials', async () => {
    app().setNow('2027-03-10T10:00:00+01:00');
    const { url, sub, phone } = await ticketFor(app(), { startDate: '2027-03-01' });
    const first = await open(phone, url);
    const second = await open(phone, url);
    expect(second.body.credential).toBe(first.body.credential);
    expect(second.body.codes).toEqual(first.body.codes);
    expect(first.body.codes).toHaveLength(4);
    const rows = await app()
      .ctx.db.select()
      .from(ticketCredentials)
      .where(eq(ticketCredentials.subscriptionId, sub.id));
    expect(rows).toHaveLength(4);
    const audit = await app().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, sub.id));
    // Issue 16, item 7: fetching a credential is a read and never reaches the audit log.
    expect(audit.map((a) => a.action)).not.toContain('ticket.credential_issued');
  });

  it('rule 7: activates at 00:00 Oslo on the start date (clock moved across it)', async () => {
    app().setNow('2027-02-20T10:00:00+01:00');
    const { url, phone } = await ticketFor(app(), { startDate: '2027-03-01' });
    app().setNow('2027-02-28T23:59:58+01:00');
    const before = await open(phone, url);
    expect(before.body.status).toBe('upcoming');
    expect((await verify(phone, before.body.codes[0].credential)).body.reason).toBe('not_yet_valid');
    app().setNow('2027-03-01T00:00:00+01:00');
    const r = await open(phone, url);
    expect(r.body.status).toBe('valid');
    expect((await verify(phone, r.body.codes[0].credential)).body.valid).toBe(true);
  });

  it('DST: the credential of 2027-03-28 starts 00:00 CET and ends 23:59:59 CEST (a 23-hour day)', async () => {
    app().setNow('2027-03-20T12:00:00+01:00');
    const { url, phone } = await ticketFor(app(), { startDate: '2027-03-28' });
    app().setNow('2027-03-28T00:00:00+01:00');
    const r = await open(phone, url);
    expect(r.body).toMatchObject({
      status: 'valid',
      validFrom: '2027-03-27T23:00:00.000Z',
      credentialValidFrom: '2027-03-27T23:00:00.000Z',
      credentialValidTo: '2027-03-28T21:59:59.000Z',
    });
  });

  it('issue 13: renews every day; at midnight the old credential is expired and the new one valid', async () => {
    app().setNow('2027-03-10T12:00:00+01:00');
    const { url, phone } = await ticketFor(app(), { startDate: '2027-03-01' });
    app().setNow('2027-03-31T23:59:58+02:00');
    const march = await open(phone, url);
    expect(march.body.credentialValidTo).toBe('2027-03-31T21:59:59.000Z');
    app().setNow('2027-04-01T00:00:00+02:00');
    const april = await open(phone, url);
    expect(april.body.status).toBe('valid');
    expect(april.body.credential).not.toBe(march.body.credential);
    expect(april.body.credentialValidFrom).toBe('2027-03-31T22:00:00.000Z');
    expect((await verify(phone, march.body.codes[0].credential)).body).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect((await verify(phone, april.body.codes[0].credential)).body.valid).toBe(true);
  });

  it('rule 7: after the end date (23:59:59 Oslo) the ticket is ended and has no more credentials', async () => {
    app().setNow('2027-04-10T12:00:00+02:00');
    const { url, phone } = await ticketFor(app(), { startDate: '2027-03-01', endDate: '2027-04-15' });
    app().setNow('2027-04-15T23:59:58+02:00');
    const last = await open(phone, url);
    expect(last.body).toMatchObject({ status: 'valid', validTo: '2027-04-15T21:59:59.000Z' });
    expect(last.body.codes).toHaveLength(1);
    app().setNow('2027-04-16T00:00:00+02:00');
    const ended = await open(phone, url);
    expect(ended.body).toMatchObject({ status: 'ended', credential: null, codes: [] });
    expect((await verify(phone, last.body.codes[0].credential)).body).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });

  it('rule 8: a zone change gives a new credential with the new zones; the old one is revoked', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { url, sub, admin, phone } = await ticketFor(app(), {
      startDate: '2027-03-01',
      zoneIds: ['kristiansand'],
    });
    const before = await open(phone, url);
    expect(before.body.zoneIds).toEqual(['kristiansand']);
    const change = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'lillesand'],
      effective: 'now',
    });
    expect(change.status).toBe(200);
    const after = await open(phone, url);
    expect(after.body.zoneIds).toEqual(['kristiansand', 'lillesand']);
    expect(after.body.zones.map((z: { name: string }) => z.name)).toEqual(['Kristiansand', 'Lillesand']);
    expect(decodeJwt(after.body.credential).zoneIds).toEqual(['kristiansand', 'lillesand']);
    expect(after.body.credentialValidFrom).toBe('2027-03-04T23:00:00.000Z');
    const old = await verify(phone, before.body.codes[0].credential);
    expect(old.body).toMatchObject({ valid: false, reason: 'revoked', zoneIds: ['kristiansand'] });
    const fresh = await verify(phone, after.body.codes[0].credential);
    expect(fresh.body).toMatchObject({ valid: true, zoneIds: ['kristiansand', 'lillesand'] });
  });

  it('rule 10: ended "now" → the ticket is ended at once and its code verifies as revoked', async () => {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { url, sub, admin, phone } = await ticketFor(app(), { startDate: '2027-03-01' });
    const before = await open(phone, url);
    expect((await verify(phone, before.body.codes[0].credential)).body.valid).toBe(true);
    const end = await admin.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'now' });
    expect(end.status).toBe(200);
    const verdict = await verify(phone, before.body.codes[0].credential);
    expect(verdict.body).toMatchObject({ valid: false, reason: 'revoked', holder: { firstName: 'Kari' } });
    const after = await open(phone, url);
    expect(after.body).toMatchObject({ status: 'ended', credential: null });
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
    const en = await new TestClient(app().server, 'en').get(`/api/tickets/${'x'.repeat(43)}`);
    expect(en.body.error.message).toMatch(/No ticket was found/);
  });

  it('rule 10: a cancelled order has no ticket (404) and a code it got is revoked', async () => {
    app().setNow('2027-01-30T10:00:00+01:00');
    const { sub, url, phone } = await ticketFor(app(), { startDate: '2027-02-01' });
    const before = await open(phone, url);
    await app().ctx.db.update(subscriptions).set({ state: 'cancelled' }).where(eq(subscriptions.id, sub.id));
    expect((await client().get(url)).status).toBe(404);
    app().setNow('2027-02-02T10:00:00+01:00');
    const feb2 = before.body.codes.find(
      (c: { validFrom: string }) => c.validFrom === '2027-02-01T23:00:00.000Z',
    );
    const verdict = await verify(phone, feb2.credential);
    expect(verdict.body).toMatchObject({ valid: false, reason: 'revoked' });
  });
});
