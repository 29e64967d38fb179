import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  generateSigningJwk,
  loadSigningKeys,
  SigningKeyError,
  signingKeysFor,
} from '../../src/adapters/signing-keys';

async function verifies(jws: string, keys: { kid: string }[]) {
  const kid = decodeProtectedHeader(jws).kid;
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  return compactVerify(jws, await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')).then(
    () => true,
    () => false,
  );
}

describe('ticket signing keys (issue 5)', () => {
  it('development: generated at first start in DATA_DIR/keys (0600) and the same key after a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bb-keys-'));
    const first = await signingKeysFor({ DATA_DIR: dir, TICKET_SIGNING_KEYS: undefined });
    const file = path.join(dir, 'keys', 'ticket-signing-keys.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: first.currentKid });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A restart (no cache) with the same DATA_DIR reads the file: the same key signs.
    const again = await loadSigningKeys({ DATA_DIR: dir, TICKET_SIGNING_KEYS: undefined });
    expect(again.currentKid).toBe(first.currentKid);
    expect(await verifies(await again.sign({ a: 1 }), first.jwks.keys)).toBe(true);
  });

  it('production format: a JSON array of private JWKs; all published, the newest (last) signs', async () => {
    const [older, newer] = [await generateSigningJwk(), await generateSigningJwk()];
    const keys = await signingKeysFor({
      DATA_DIR: './unused',
      TICKET_SIGNING_KEYS: JSON.stringify([older, newer]),
    });
    expect(keys.jwks.keys.map((k) => k.kid)).toEqual([older.kid, newer.kid]);
    expect(keys.jwks.keys.some((k) => 'd' in k)).toBe(false);
    const jws = await keys.sign({ hello: 'world' });
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: 'EdDSA', kid: newer.kid, typ: 'JWT' });
    expect(await verifies(jws, keys.jwks.keys)).toBe(true);
    expect(await verifies(jws, [{ ...keys.jwks.keys[0]!, kid: newer.kid as string }])).toBe(false);
  });

  it('a bad TICKET_SIGNING_KEYS value is refused with a message naming it', async () => {
    const bad = ['not json', '[]', JSON.stringify([{ kty: 'RSA' }])];
    for (const value of bad) {
      await expect(signingKeysFor({ DATA_DIR: './unused', TICKET_SIGNING_KEYS: value })).rejects.toThrow(
        SigningKeyError,
      );
    }
    const a = await generateSigningJwk();
    const b = await generateSigningJwk();
    const mismatched = JSON.stringify([{ ...a, x: b.x }]);
    await expect(signingKeysFor({ DATA_DIR: './unused', TICKET_SIGNING_KEYS: mismatched })).rejects.toThrow(
      /does not match/,
    );
  });
});
