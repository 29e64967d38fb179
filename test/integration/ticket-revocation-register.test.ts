import { expect, it } from 'vitest';
import { verifyStatusList } from '../../src/domain/status-list';
import { fromBase64url, parseCredential } from '../../src/domain/ticket-code';
import { TestClient } from '../support/client';
import { newDevice, type TestDevice } from '../support/device';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';
import { OPERATOR } from '../support/test-app';

type Code = { credential: string; validFrom: string };

/**
 * Issue 13, H1/H2 (hostile check): a change of a ticket's end, state or zones that takes effect
 * later must reach the revocation list at once, for every credential already issued for a day the
 * register no longer backs, so an inspector offline on that day cannot say valid.
 */
describeEachEngine('credentials follow the register onto the revocation list (issue 13, H1/H2)', (app) => {
  const client = () => new TestClient(app().server);
  const base = () => app().ctx.config.publicUrl;
  const now = () => app().ctx.clock.now();

  async function bound(zoneIds = ['kristiansand', 'vennesla']) {
    app().setNow('2027-11-29T12:00:00+01:00');
    const { company, client: admin } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, zoneIds, startDate: '2027-11-01' });
    const path = `/api/tickets/${sub.ticketAccessToken}`;
    const phone = await newDevice(base());
    const r = await client().post(
      `${path}/activate`,
      {},
      await phone.headers('POST', `${path}/activate`, now()),
    );
    expect(r.status).toBe(200);
    const codes = r.body.codes as Code[];
    // Today (29 Nov) and the next three days: 29, 30 Nov, 1, 2 Dec.
    expect(codes.map((c) => c.validFrom.slice(0, 10))).toEqual([
      '2027-11-28',
      '2027-11-29',
      '2027-11-30',
      '2027-12-01',
    ]);
    return { company, admin, sub, path, phone, codes };
  }

  const indexOf = (c: Code) => parseCredential(fromBase64url(c.credential))?.claims?.statusIndex as number;

  async function revokedOnList(codes: Code[]): Promise<boolean[]> {
    const list = await verifyStatusList(
      (await client().get('/api/inspection/status-list')).body.token,
      (await client().get('/.well-known/jwks.json')).body,
    );
    expect(list).not.toBeNull();
    return codes.map((c) => list?.isRevoked(indexOf(c)) as boolean);
  }

  async function verifyOn(phone: TestDevice, code: Code, at: string) {
    app().setNow(at);
    return (await client().post('/api/inspection/verify', { code: await phone.code(code.credential, now()) }))
      .body;
  }

  it('an end at the end of the month: the credentials for 1 and 2 December are on the list at once, 29 and 30 November not', async () => {
    const { admin, sub, codes } = await bound();
    expect((await revokedOnList(codes)).every((b) => !b)).toBe(true);
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'end_of_month' });
    expect(r.status).toBe(200);
    expect(r.body.endDate).toBe('2027-11-30');
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
  });

  it('an end on a date: the credentials after that day are on the list, the wallet gets none past it', async () => {
    const { admin, sub, codes, path, phone } = await bound();
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/end`, {
      effective: 'date',
      endDate: '2027-11-30',
    });
    expect(r.status).toBe(200);
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
    const again = await client().get(path, await phone.headers('GET', path, now()));
    expect(again.body.codes.map((c: Code) => c.validFrom.slice(0, 10))).toEqual(['2027-11-28', '2027-11-29']);
  });

  it('a withdrawn end does not bring the revoked credentials back; the wallet gets new ones for those days, valid on the day', async () => {
    const { admin, sub, codes, path, phone } = await bound();
    await admin.post(`/api/company/subscriptions/${sub.id}/end`, { effective: 'end_of_month' });
    const withdrawn = await admin.delete(`/api/company/subscriptions/${sub.id}/end`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.endDate).toBeNull();
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
    const again = await client().get(path, await phone.headers('GET', path, now()));
    const fresh = again.body.codes as Code[];
    expect(fresh.map((c) => c.validFrom.slice(0, 10))).toEqual([
      '2027-11-28',
      '2027-11-29',
      '2027-11-30',
      '2027-12-01',
    ]);
    expect(await revokedOnList(fresh)).toEqual([false, false, false, false]);
    expect(indexOf(fresh[2] as Code)).not.toBe(indexOf(codes[2] as Code));
    expect(await verifyOn(phone, fresh[2] as Code, '2027-12-01T08:00:00+01:00')).toMatchObject({
      valid: true,
    });
    expect(await verifyOn(phone, codes[2] as Code, '2027-12-01T08:00:00+01:00')).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
  });

  it('a category change next month ends the old ticket this month: its December credentials are on the list', async () => {
    const { admin, sub, codes } = await bound();
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/change-category`, {
      categoryId: 'ungdom',
      effective: 'next_month',
    });
    expect(r.status).toBe(201);
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
  });

  it("the operator's deactivation of the company ends the ticket this month: its December credentials are on the list", async () => {
    const { company, codes } = await bound();
    const operator = new TestClient(app().server);
    await operator.login(OPERATOR.email, OPERATOR.password);
    const r = await operator.post(`/api/operator/companies/${company.id}/deactivate`, { confirm: true });
    expect(r.status).toBe(200);
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
  });

  it('H2: a zone cut from next month puts the December credentials on the list and fails them online on the day; the new ones carry the new zones', async () => {
    const { admin, sub, codes, path, phone } = await bound();
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand'],
      effective: 'next_month',
    });
    expect(r.status).toBe(200);
    expect(await revokedOnList(codes)).toEqual([false, false, true, true]);
    const again = await client().get(path, await phone.headers('GET', path, now()));
    const fresh = again.body.codes as Code[];
    const zonesOf = (c: Code) => parseCredential(fromBase64url(c.credential))?.claims?.zoneCodes.length;
    expect(fresh.map(zonesOf)).toEqual([2, 2, 1, 1]);
    expect(await verifyOn(phone, fresh[2] as Code, '2027-12-01T08:00:00+01:00')).toMatchObject({
      valid: true,
      zoneIds: ['kristiansand'],
    });
  });

  it('H2: a zone cut now fails the wider credential online at once and puts every one of them on the list', async () => {
    const { admin, sub, codes, phone } = await bound();
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand'],
      effective: 'now',
    });
    expect(r.status).toBe(200);
    expect(await revokedOnList(codes)).toEqual([true, true, true, true]);
    expect(await verifyOn(phone, codes[0] as Code, '2027-11-29T12:00:10+01:00')).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
  });

  it('a zone added keeps the narrower credentials (they are still true) and the wallet gets the wider ones', async () => {
    const { admin, sub, codes } = await bound(['kristiansand']);
    const r = await admin.post(`/api/company/subscriptions/${sub.id}/change-zones`, {
      zoneIds: ['kristiansand', 'vennesla'],
      effective: 'next_month',
    });
    expect(r.status).toBe(200);
    expect(await revokedOnList(codes)).toEqual([false, false, false, false]);
  });
});
