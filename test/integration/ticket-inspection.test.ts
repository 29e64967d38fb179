import { CompactSign, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { expect, it } from 'vitest';
import { TestClient } from '../support/client';
import { newDevice } from '../support/device';
import { describeEachEngine } from '../support/each-engine';
import { createCompany, createSubscription } from '../support/factories';

async function foreignSign(payload: unknown, kid: string) {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
    .sign(privateKey);
}

describeEachEngine('ticket inspection API (issue 5, rule 7)', (app) => {
  const client = () => new TestClient(app().server);

  async function validCredential() {
    app().setNow('2027-03-05T12:00:00+01:00');
    const { company } = await createCompany(app());
    const sub = await createSubscription(app(), {
      companyId: company.id,
      firstName: 'Ola',
      lastName: 'Nordmann',
      zoneIds: ['arendal'],
      categoryId: 'ungdom',
      startDate: '2027-03-01',
    });
    const path = `/api/tickets/${sub.ticketAccessToken}/activate`;
    const phone = await newDevice(app().ctx.config.publicUrl);
    const ticket = await client().post(path, {}, await phone.headers('POST', path, app().ctx.clock.now()));
    return { sub, credential: ticket.body.credential as string };
  }

  it('GET /.well-known/jwks.json publishes the public Ed25519 key(s), never the private part', async () => {
    const r = await client().get('/.well-known/jwks.json');
    expect(r.status).toBe(200);
    expect(r.body.keys.length).toBeGreaterThan(0);
    for (const key of r.body.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key.kid).toEqual(expect.any(String));
      expect(key).not.toHaveProperty('d');
    }
  });

  it("the API's credential alone (no device proof): device_proof_missing, with zones, category and the day but no name (L10)", async () => {
    const { sub, credential } = await validCredential();
    const r = await client().post('/api/inspection/verify', { credential });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      valid: false,
      reason: 'device_proof_missing',
      ticketId: sub.id,
      ticketNumber: expect.stringMatching(/^[0-9A-Z*~$=]{9}$/),
      holder: null,
      zoneIds: ['arendal'],
      categoryId: 'ungdom',
      validFrom: '2027-03-04T23:00:00.000Z',
      validTo: '2027-03-05T22:59:59.000Z',
    });
  });

  it('clock before the day: not_yet_valid; after it: expired', async () => {
    const { credential } = await validCredential();
    app().setNow('2027-03-04T23:59:59+01:00');
    expect((await client().post('/api/inspection/verify', { credential })).body).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
    app().setNow('2027-03-06T00:00:00+01:00');
    expect((await client().post('/api/inspection/verify', { credential })).body).toMatchObject({
      valid: false,
      reason: 'expired',
    });
  });

  it('a tampered payload (zones widened) is bad_signature and shows no holder', async () => {
    const { credential } = await validCredential();
    const [header, , signature] = credential.split('.');
    const claims = { ...decodeJwt(credential), zoneIds: ['arendal', 'kristiansand'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const r = await client().post('/api/inspection/verify', { credential: forged });
    expect(r.body).toMatchObject({ valid: false, reason: 'bad_signature', holder: null, zoneIds: null });
  });

  it("a credential signed by a foreign key: unknown_key, or bad_signature when it borrows the operator's kid", async () => {
    const { credential } = await validCredential();
    const claims = decodeJwt(credential);
    const unknown = await foreignSign(claims, 'someone-else');
    expect((await client().post('/api/inspection/verify', { credential: unknown })).body).toMatchObject({
      valid: false,
      reason: 'unknown_key',
    });
    const borrowed = await foreignSign(claims, decodeProtectedHeader(credential).kid as string);
    expect((await client().post('/api/inspection/verify', { credential: borrowed })).body).toMatchObject({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('garbage is 200 valid:false malformed, never 500; a non-string is 400', async () => {
    // (a missing body field is 400 too: see ticket-device.test.ts)
    for (const credential of ['', 'hello', 'a.b.c', '....', 'x'.repeat(20_000), '{"alg":"none"}']) {
      const r = await client().post('/api/inspection/verify', { credential });
      expect(r.status).toBe(200);
      expect(r.body.valid).toBe(false);
      expect(['malformed', 'unknown_key', 'bad_signature']).toContain(r.body.reason);
    }
    for (const body of [{ credential: 5 }, { credential: null }, {}, { credential: ['a'] }]) {
      const r = await client().post('/api/inspection/verify', body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a public key not in the JWKS cannot be smuggled in through the header (jwk/jku ignored)', async () => {
    const { credential } = await validCredential();
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(decodeJwt(credential))))
      .setProtectedHeader({ alg: 'EdDSA', jwk: await exportJWK(publicKey) })
      .sign(privateKey);
    expect((await client().post('/api/inspection/verify', { credential: jws })).body).toMatchObject({
      valid: false,
      reason: 'unknown_key',
    });
  });
});
