import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  type CodeClaims,
  compressPoint,
  type DeviceKey,
  decompressPoint,
  deviceSigningInput,
  encodeBareCredential,
  encodeCode,
  signCredential,
  toBuffer,
  verifyCode,
} from './ticket-code';

async function issuer() {
  const pair = (await crypto.subtle.generateKey('Ed25519', true, ['sign', 'verify'])) as CryptoKeyPair;
  const kid8 = '0123456789abcdef';
  return {
    keys: [{ kid8, key: pair.publicKey }],
    sign: (claims: CodeClaims) =>
      signCredential(
        claims,
        kid8,
        async (input) =>
          new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, toBuffer(input))),
      ),
  };
}

async function device() {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  const publicKey: DeviceKey = { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string };
  return {
    publicKey,
    code: async (credential: Uint8Array, t: number) => {
      const sig = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        pair.privateKey,
        toBuffer(deviceSigningInput(credential, t)),
      );
      return encodeCode(credential, t, new Uint8Array(sig));
    },
  };
}

const NOW = new Date('2027-03-05T12:00:00+01:00');
const nowS = NOW.getTime() / 1000;

function claims(deviceKey: DeviceKey, over: Partial<CodeClaims> = {}): CodeClaims {
  return {
    ticketNumber: 123_456_789,
    statusIndex: 42,
    holder: { firstName: 'Kari', lastName: 'Nordmann' },
    zoneCodes: [1, 4],
    categoryId: 'voksen',
    nbf: nowS - 3600,
    exp: nowS + 3600,
    deviceKey,
    ...over,
  };
}

describe('ticket QR code (issue 13: issuer credential + device proof)', () => {
  it('a fresh code of the bound device verifies and carries the claims', async () => {
    const [op, phone] = await Promise.all([issuer(), device()]);
    const credential = await op.sign(claims(phone.publicKey));
    const code = await phone.code(credential, nowS);
    expect(code).toMatch(/^BB1:[0-9A-Z $%*+\-./:]+$/);
    const r = await verifyCode(code, { issuerKeys: op.keys, now: NOW, freshnessSeconds: 60 });
    expect(r).toMatchObject({ valid: true, claims: { ticketNumber: 123_456_789, zoneCodes: [1, 4] } });
  });

  it('freshness: 60 s old is valid, 61 s stale; ahead by the clock skew valid, beyond it stale', async () => {
    const [op, phone] = await Promise.all([issuer(), device()]);
    const credential = await op.sign(claims(phone.publicKey));
    const at = (t: number) => phone.code(credential, t);
    const check = async (t: number) =>
      verifyCode(await at(t), { issuerKeys: op.keys, now: NOW, freshnessSeconds: 60 });
    expect((await check(nowS - 60)).valid).toBe(true);
    expect(await check(nowS - 61)).toMatchObject({ valid: false, reason: 'stale' });
    expect((await check(nowS + 30)).valid).toBe(true);
    expect(await check(nowS + 31)).toMatchObject({ valid: false, reason: 'stale' });
  });

  it('a bare credential is device_proof_missing; another device signing it is device_proof_invalid', async () => {
    const [op, phone, thief] = await Promise.all([issuer(), device(), device()]);
    const credential = await op.sign(claims(phone.publicKey));
    const options = { issuerKeys: op.keys, now: NOW, freshnessSeconds: 60 };
    expect(await verifyCode(encodeBareCredential(credential), options)).toMatchObject({
      reason: 'device_proof_missing',
    });
    expect(await verifyCode(await thief.code(credential, nowS), options)).toMatchObject({
      reason: 'device_proof_invalid',
    });
  });

  it('a foreign issuer is unknown_key or bad_signature; the revocation list says revoked', async () => {
    const [op, other, phone] = await Promise.all([issuer(), issuer(), device()]);
    const forged = await phone.code(await other.sign(claims(phone.publicKey)), nowS);
    expect(await verifyCode(forged, { issuerKeys: op.keys, now: NOW, freshnessSeconds: 60 })).toMatchObject({
      reason: 'bad_signature',
    });
    expect(await verifyCode(forged, { issuerKeys: [], now: NOW, freshnessSeconds: 60 })).toMatchObject({
      reason: 'unknown_key',
    });
    const code = await phone.code(await op.sign(claims(phone.publicKey)), nowS);
    const revoked = await verifyCode(code, {
      issuerKeys: op.keys,
      now: NOW,
      freshnessSeconds: 60,
      isRevoked: (i) => i === 42,
    });
    expect(revoked).toMatchObject({ valid: false, reason: 'revoked' });
  });

  it('garbage is malformed, never a throw', async () => {
    const op = await issuer();
    for (const text of ['', 'BB1:', 'BB1:A', 'HC1:ABC', 'BB1:%%%%', `BB1:${'0'.repeat(5000)}`]) {
      expect(await verifyCode(text, { issuerKeys: op.keys, now: NOW, freshnessSeconds: 60 })).toMatchObject({
        valid: false,
        reason: 'malformed',
      });
    }
  });

  it('a compressed P-256 point decompresses to the same key', async () => {
    for (let i = 0; i < 5; i++) {
      const { publicKey } = await device();
      expect(decompressPoint(compressPoint(publicKey))).toEqual(publicKey);
    }
  });

  it('issue 13 bound: the worst case (25 zones, two 100-character names) fits QR version 15 at level M', async () => {
    const [op, phone] = await Promise.all([issuer(), device()]);
    const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzæøåéüÆØÅ-' ".split(''), '𝔄', '中');
    const name = fc.array(letter, { minLength: 100, maxLength: 100 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        fc.uniqueArray(fc.integer({ min: 1, max: 255 }), { minLength: 25, maxLength: 25 }),
        fc.string({ minLength: 1, maxLength: 32 }),
        fc.integer({ min: 0, max: 2 ** 40 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        async (firstName, lastName, zoneCodes, categoryId, ticketNumber, statusIndex) => {
          const credential = await op.sign(
            claims(phone.publicKey, {
              holder: { firstName, lastName },
              zoneCodes,
              categoryId,
              ticketNumber,
              statusIndex,
              nbf: 2 ** 32 - 200_000,
              exp: 2 ** 32 - 1,
            }),
          );
          const code = await phone.code(credential, 2 ** 32 - 100_000);
          const qr = QRCode.create([{ data: code, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
          expect(qr.version).toBeLessThanOrEqual(15);
        },
      ),
      { numRuns: 40 },
    );
  });
});
