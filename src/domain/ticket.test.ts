import fc from 'fast-check';
import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { addDays, endOfDayOslo, type IsoDate, monthOf, startOfDayOslo } from './calendar';
import {
  buildClaims,
  claimsWindow,
  credentialOutsideRegister,
  credentialPeriod,
  credentialWindow,
  type Jwks,
  parseClaims,
  sameTicketContent,
  statusAt,
  ticketStatus,
  verifyOffline,
} from './ticket';

const at = (iso: string) => new Date(iso);
const period = (
  startDate: IsoDate,
  endDate: IsoDate | null,
  today: IsoDate,
  zoneFrom = startDate,
  zoneTo = null,
) => credentialPeriod({ startDate, endDate, zoneFrom, zoneTo }, today);

describe('rule 7: ticket status by instant', () => {
  const march = { startDate: '2027-03-01', endDate: '2027-03-31', revokedAt: null };

  it('upcoming until 00:00 Oslo on the start date, valid from that instant', () => {
    expect(ticketStatus(march, at('2027-02-28T22:59:59.999Z'))).toBe('upcoming');
    expect(ticketStatus(march, at('2027-02-28T23:00:00.000Z'))).toBe('valid');
  });

  it('valid through 23:59:59 Oslo on the end date, ended from the next midnight', () => {
    expect(ticketStatus(march, at('2027-03-31T21:59:59.999Z'))).toBe('valid');
    expect(ticketStatus(march, at('2027-03-31T22:00:00.000Z'))).toBe('ended');
  });

  it('open-ended: valid long after the start', () => {
    expect(ticketStatus({ ...march, endDate: null }, at('2031-06-15T12:00:00Z'))).toBe('valid');
  });

  it('revoked ("ended now") is ended from the revocation instant', () => {
    const revokedAt = at('2027-03-10T09:30:00.250Z');
    const t = { ...march, endDate: '2027-03-10', revokedAt };
    expect(ticketStatus(t, at('2027-03-10T09:30:00.249Z'))).toBe('valid');
    expect(ticketStatus(t, revokedAt)).toBe('ended');
  });

  it('statusAt treats validTo as the last valid second', () => {
    const w = { validFrom: at('2027-01-01T00:00:00Z'), validTo: at('2027-01-02T00:00:00Z') };
    expect(statusAt(w, at('2027-01-02T00:00:00.999Z'))).toBe('valid');
    expect(statusAt(w, at('2027-01-02T00:00:01Z'))).toBe('ended');
  });
});

describe('rule 7: a credential covers one period = the month ∩ [start, end] ∩ the zone set', () => {
  it('before the start: the start month (the wallet can hold it before it activates)', () => {
    expect(period('2027-03-01', null, '2027-01-15')).toEqual({ from: '2027-03-01', to: '2027-03-31' });
  });

  it('open-ended: the current month, then the next one when the month turns', () => {
    expect(period('2027-01-01', null, '2027-02-28')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(period('2027-01-01', null, '2027-03-01')).toEqual({ from: '2027-03-01', to: '2027-03-31' });
  });

  it('a start mid-month and an end mid-month cut the period', () => {
    expect(period('2027-03-17', null, '2027-03-20')).toEqual({ from: '2027-03-17', to: '2027-03-31' });
    expect(period('2027-01-01', '2027-04-12', '2027-04-01')).toEqual({
      from: '2027-04-01',
      to: '2027-04-12',
    });
  });

  it('after the end: the last period (so an ended ticket shows its last credential)', () => {
    expect(period('2027-01-01', '2027-04-12', '2027-09-01')).toEqual({
      from: '2027-04-01',
      to: '2027-04-12',
    });
  });

  it('rule 8: a zone set that takes effect mid-month starts the period on its first day', () => {
    expect(period('2027-01-01', null, '2027-03-20', '2027-03-20')).toEqual({
      from: '2027-03-20',
      to: '2027-03-31',
    });
    expect(
      credentialPeriod(
        { startDate: '2027-01-01', endDate: null, zoneFrom: '2027-01-01', zoneTo: '2027-03-19' },
        '2027-03-10',
      ),
    ).toEqual({ from: '2027-03-01', to: '2027-03-19' });
  });

  it('the window runs 00:00 Oslo to 23:59:59 Oslo; across DST (2027-03-28) the offset changes', () => {
    const w = credentialWindow(period('2027-03-28', null, '2027-03-28'), null);
    expect(w.validFrom.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(w.validTo.toISOString()).toBe('2027-03-31T21:59:59.000Z');
    const october = credentialWindow(period('2027-01-01', null, '2027-10-31'), null);
    expect(october.validFrom.toISOString()).toBe('2027-09-30T22:00:00.000Z');
    expect(october.validTo.toISOString()).toBe('2027-10-31T22:59:59.000Z');
  });

  it('a revocation cuts the window at the revocation second', () => {
    const w = credentialWindow({ from: '2027-03-01', to: '2027-03-31' }, at('2027-03-10T09:30:00.700Z'));
    expect(w.validTo.toISOString()).toBe('2027-03-10T09:30:00.000Z');
  });

  it('property: the period holds today, lies in one month, and inside [start, end]', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 800 }),
        (start, len, off) => {
          const end = addDays(start, len);
          const today = addDays(start, off);
          const p = period(start, end, today);
          expect(monthOf(p.from)).toBe(monthOf(p.to));
          expect(p.from >= start && p.to <= end && p.from <= p.to).toBe(true);
          if (today <= end) expect(p.from <= today && today <= p.to).toBe(true);
          const w = credentialWindow(p, null);
          expect(w.validFrom).toEqual(startOfDayOslo(p.from));
          expect(w.validTo).toEqual(endOfDayOslo(p.to));
        },
      ),
    );
  });
});

const window = { validFrom: at('2027-03-01T00:00:00+01:00'), validTo: at('2027-03-31T23:59:59+02:00') };
const claims = buildClaims({
  ticketId: '6f1c1c0e-8a2b-4c55-9d0e-0a4b3c2d1e0f',
  credentialId: '0b1e0f6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  holder: { firstName: 'Kari', lastName: 'Nordmann' },
  zoneIds: ['kristiansand', 'vennesla'],
  categoryId: 'voksen',
  window,
  issuedAt: at('2027-01-15T10:00:00+01:00'),
});

describe('credential claims', () => {
  it('carry holder, zones, category, ticket id and the window (exp exclusive, RFC 7519)', () => {
    expect(claims).toMatchObject({
      tid: '6f1c1c0e-8a2b-4c55-9d0e-0a4b3c2d1e0f',
      holder: { firstName: 'Kari', lastName: 'Nordmann' },
      zoneIds: ['kristiansand', 'vennesla'],
      categoryId: 'voksen',
      nbf: window.validFrom.getTime() / 1000,
      exp: window.validTo.getTime() / 1000 + 1,
    });
    expect(claimsWindow(claims)).toEqual(window);
    expect(parseClaims(JSON.parse(JSON.stringify(claims)))).toEqual(claims);
  });

  it('same content ignores id and issue time, but not the zones', () => {
    expect(sameTicketContent(claims, { ...claims, jti: 'other', iat: 1 })).toBe(true);
    expect(sameTicketContent(claims, { ...claims, zoneIds: ['kristiansand'] })).toBe(false);
  });

  it.each([
    ['not an object', 'x'],
    ['no holder', { ...claims, holder: undefined }],
    ['empty zones', { ...claims, zoneIds: [] }],
    ['exp before nbf', { ...claims, exp: claims.nbf }],
    ['fractional time', { ...claims, nbf: 1.5 }],
  ])('a payload with %s is not a ticket', (_name, payload) => {
    expect(parseClaims(payload)).toBeNull();
  });
});

async function keyPair(kid?: string) {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const id = kid ?? (await calculateJwkThumbprint(jwk));
  return { privateKey, kid: id, jwk: { ...jwk, kid: id, alg: 'EdDSA', use: 'sig' } as JWK };
}

async function sign(payload: unknown, key: { privateKey: CryptoKey; kid: string }, alg = 'EdDSA') {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg, kid: key.kid })
    .sign(key.privateKey);
}

describe('offline verification against the JWKS', () => {
  const inMarch = at('2027-03-15T12:00:00+01:00');

  it('a credential signed by a published key, inside its window, is valid', async () => {
    const key = await keyPair();
    const result = await verifyOffline(await sign(claims, key), { keys: [key.jwk] }, inMarch);
    expect(result).toEqual({ valid: true, claims });
  });

  it('rotation: a credential signed by an older key still in the JWKS verifies', async () => {
    const [old, current] = [await keyPair(), await keyPair()];
    const jwks: Jwks = { keys: [old.jwk, current.jwk] };
    expect((await verifyOffline(await sign(claims, old), jwks, inMarch)).valid).toBe(true);
  });

  it('before the window: not_yet_valid; after it: expired (at the exclusive exp second)', async () => {
    const key = await keyPair();
    const jws = await sign(claims, key);
    const jwks = { keys: [key.jwk] };
    expect(await verifyOffline(jws, jwks, at('2027-02-28T23:59:59.999+01:00'))).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
    expect((await verifyOffline(jws, jwks, at('2027-03-01T00:00:00+01:00'))).valid).toBe(true);
    expect((await verifyOffline(jws, jwks, at('2027-03-31T23:59:59.999+02:00'))).valid).toBe(true);
    expect(await verifyOffline(jws, jwks, at('2027-04-01T00:00:00+02:00'))).toMatchObject({
      reason: 'expired',
    });
  });

  it('a tampered payload (other zones) fails the signature', async () => {
    const key = await keyPair();
    const [header, , signature] = (await sign(claims, key)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, zoneIds: ['arendal'] })).toString('base64url');
    const result = await verifyOffline(`${header}.${forged}.${signature}`, { keys: [key.jwk] }, inMarch);
    expect(result).toEqual({ valid: false, reason: 'bad_signature', claims: null });
  });

  it("a foreign key that claims the operator's kid fails the signature", async () => {
    const operator = await keyPair();
    const foreign = await keyPair(operator.kid);
    const result = await verifyOffline(await sign(claims, foreign), { keys: [operator.jwk] }, inMarch);
    expect(result).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('a credential from a key that is not published is unknown_key', async () => {
    const [operator, foreign] = [await keyPair(), await keyPair()];
    const result = await verifyOffline(await sign(claims, foreign), { keys: [operator.jwk] }, inMarch);
    expect(result).toMatchObject({ valid: false, reason: 'unknown_key' });
  });

  it('another algorithm under the right kid is rejected', async () => {
    const key = await keyPair();
    const [, payload] = (await sign(claims, key)).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: key.kid })).toString('base64url');
    expect(await verifyOffline(`${header}.${payload}.`, { keys: [key.jwk] }, inMarch)).toMatchObject({
      valid: false,
    });
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256', kid: key.kid })).toString('base64url');
    expect(await verifyOffline(`${hs}.${payload}.AAAA`, { keys: [key.jwk] }, inMarch)).toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('a signed payload that is not a ticket is malformed', async () => {
    const key = await keyPair();
    const result = await verifyOffline(await sign({ hello: 'world' }, key), { keys: [key.jwk] }, inMarch);
    expect(result).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('property: any garbage string is malformed/unknown_key/bad_signature, never a throw', async () => {
    const key = await keyPair();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const result = await verifyOffline(s, { keys: [key.jwk] }, inMarch);
        expect(result.valid).toBe(false);
        expect(['malformed', 'unknown_key', 'bad_signature']).toContain(
          (result as { reason: string }).reason,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('credentialOutsideRegister (issue 13, H1/H2)', () => {
  const day = (d: string) => ({
    validFrom: new Date(`${d}T00:00:00+01:00`),
    validTo: new Date(`${d}T23:59:59+01:00`),
  });
  const register = {
    state: 'approved' as const,
    startDate: '2027-11-01',
    endDate: null as string | null,
    revokedAt: null as Date | null,
    zoneSets: [{ zoneIds: ['a', 'b'], validFrom: '2027-11-01', validTo: null as string | null }],
  };

  it('a day after a planned end is out, the end day itself is not', () => {
    const ending = { ...register, endDate: '2027-11-30' };
    expect(credentialOutsideRegister({ ...day('2027-11-30'), zoneIds: ['a'] }, ending)).toBeNull();
    expect(credentialOutsideRegister({ ...day('2027-12-01'), zoneIds: ['a'] }, ending)).toBe('ended');
  });

  it('a zone cut from a date: the credential with the cut zone is out from that date, one with fewer zones stays', () => {
    const cut = {
      ...register,
      zoneSets: [
        { zoneIds: ['a', 'b'], validFrom: '2027-11-01', validTo: '2027-11-30' },
        { zoneIds: ['a'], validFrom: '2027-12-01', validTo: null },
      ],
    };
    expect(credentialOutsideRegister({ ...day('2027-11-30'), zoneIds: ['a', 'b'] }, cut)).toBeNull();
    expect(credentialOutsideRegister({ ...day('2027-12-01'), zoneIds: ['a', 'b'] }, cut)).toBe('zones');
    expect(credentialOutsideRegister({ ...day('2027-12-01'), zoneIds: ['a'] }, cut)).toBeNull();
  });

  it('not approved, or reaching past an early revocation, is out', () => {
    const c = { ...day('2027-11-29'), zoneIds: ['a'] };
    expect(credentialOutsideRegister(c, { ...register, state: 'cancelled' })).toBe('ended');
    const revokedAt = new Date('2027-11-29T12:00:00+01:00');
    expect(credentialOutsideRegister(c, { ...register, endDate: '2027-11-29', revokedAt })).toBe('ended');
  });
});
