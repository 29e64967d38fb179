import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { newDevice } from '../support/device';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

/**
 * Issue 13, H3 (hostile check): an honest phone whose clock is minutes off must still activate.
 * RFC 9449 §8: the server gives out DPoP nonces; a proof out of time is answered 401 with
 * `WWW-Authenticate: DPoP error="use_dpop_nonce"` and a `DPoP-Nonce`, and the retry with that
 * nonce is accepted whatever the phone's clock says.
 */
describeEachEngine('DPoP nonce for phones with a wrong clock (issue 13, H3)', (app) => {
  const client = () => new TestClient(app().server);
  const base = () => app().ctx.config.publicUrl;
  const seconds = () => Math.floor(app().ctx.clock.now().getTime() / 1000);

  async function ticketPath() {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { company } = await createCompany(app());
    const sub = await createSubscription(app(), { companyId: company.id, startDate: '2027-03-01' });
    return `/api/tickets/${sub.ticketAccessToken}`;
  }

  for (const skew of [-180, -150, 150, 180]) {
    it(`a phone ${skew} s off: 401 use_dpop_nonce with a nonce, and the retry with it activates`, async () => {
      const path = await ticketPath();
      const phone = await newDevice(base());
      const url = `${path}/activate`;
      const first = await client().post(
        url,
        {},
        { dpop: await phone.proof('POST', url, { iat: seconds() + skew }) },
      );
      expect(first.status).toBe(401);
      expect(first.body.error).toMatchObject({
        code: 'DPOP_PROOF_INVALID',
        details: { reason: 'use_dpop_nonce' },
      });
      expect(String(first.headers['www-authenticate'])).toMatch(/^DPoP .*error="use_dpop_nonce"/);
      const nonce = String(first.headers['dpop-nonce']);
      expect(nonce.length).toBeGreaterThan(10);
      app().setNow(new Date(app().ctx.clock.now().getTime() + 2_000).toISOString());
      const retry = await client().post(
        url,
        {},
        { dpop: await phone.proof('POST', url, { iat: seconds() + skew, nonce }) },
      );
      expect(retry.status).toBe(200);
      expect(retry.body.device).toBe('this');
      // GET with the nonce of the last answer: the credentials, though the clock is still off.
      const getNonce = String(retry.headers['dpop-nonce']);
      const again = await client().get(path, {
        dpop: await phone.proof('GET', path, { iat: seconds() + skew, nonce: getNonce }),
      });
      expect(again.body.credential).not.toBeNull();
    });
  }

  it('a GET whose proof is out of time is 401 use_dpop_nonce, not a ticket without credentials', async () => {
    const path = await ticketPath();
    const phone = await newDevice(base());
    const url = `${path}/activate`;
    await client().post(url, {}, { dpop: await phone.proof('POST', url, { iat: seconds() }) });
    const r = await client().get(path, { dpop: await phone.proof('GET', path, { iat: seconds() - 180 }) });
    expect(r.status).toBe(401);
    expect(r.body.error.details.reason).toBe('use_dpop_nonce');
    expect(r.headers['dpop-nonce']).toBeDefined();
  });

  it('a forged, run-out or foreign nonce is refused; a proof with a good nonce is single use', async () => {
    const path = await ticketPath();
    const phone = await newDevice(base());
    const url = `${path}/activate`;
    const nonce = String((await client().get(path)).headers['dpop-nonce']);
    const [t, mac] = nonce.split('.') as [string, string];
    const forged = `${(Number.parseInt(t, 36) + 600).toString(36)}.${mac}`;
    for (const bad of [forged, 'abc.def', `${t}.${'A'.repeat(22)}`]) {
      const r = await client().post(
        url,
        {},
        { dpop: await phone.proof('POST', url, { iat: seconds() - 180, nonce: bad }) },
      );
      expect(r.status).toBe(401);
      expect(r.body.error.details.reason).toBe('use_dpop_nonce');
    }
    app().setNow('2027-03-05T12:05:01+01:00');
    const late = await client().post(
      url,
      {},
      { dpop: await phone.proof('POST', url, { iat: seconds(), nonce }) },
    );
    expect(late.status).toBe(401);
    app().setNow('2027-03-05T12:00:30+01:00');
    const proof = await phone.proof('POST', url, { iat: seconds() - 3600, nonce });
    expect((await client().post(url, {}, { dpop: proof })).status).toBe(200);
    const replay = await client().post(url, {}, { dpop: proof });
    expect(replay.status).toBe(401);
    expect(replay.body.error.details.reason).toBe('replayed');
  });
});
