import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import type { Config } from '../config';
import { kid8OfThumbprint, toBuffer } from '../domain/ticket-code';

/**
 * The operator's Ed25519 keys that sign ticket credentials (rule 7).
 *
 * Format (production: the env var TICKET_SIGNING_KEYS; development: the file
 * `${DATA_DIR}/keys/ticket-signing-keys.json`, created at first start): a JSON array of private
 * Ed25519 JWKs, oldest first, e.g.
 *   [{"kty":"OKP","crv":"Ed25519","x":"…","d":"…","kid":"2027-01"}]
 * Rotation: append a new key. The LAST key signs new credentials; every key in the array is
 * published at /.well-known/jwks.json, so credentials signed by an older key still verify until
 * that key is removed (keep it at least until the end of the month after the rotation).
 * `kid` is optional; without it the key's RFC 7638 thumbprint is used.
 * Generate a key: `node --import tsx -e "import('./src/adapters/signing-keys.ts').then(m=>m.generateSigningJwk()).then(k=>console.log(JSON.stringify([k])))"`
 *
 * With DATA_DIR=memory:// (tests) the generated key lives in memory, shared by the process.
 */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKeys {
  /** The kid of the key that signs. */
  readonly currentKid: string;
  /** The public keys (kid, alg EdDSA, use sig), newest last. */
  readonly jwks: { keys: PublicJwk[] };
  /** Compact JWS (alg EdDSA, kid, typ JWT or the given typ) of a JSON payload, signed with the newest key. */
  sign(payload: object, typ?: string): Promise<string>;
  /** The newest key's COSE kid: hex of the first 8 bytes of its RFC 7638 thumbprint. */
  readonly currentKid8: string;
  /** A raw Ed25519 signature (64 bytes) of bytes with the newest key (the ticket QR's COSE_Sign1). */
  signBytes(input: Uint8Array): Promise<Uint8Array>;
}

export class SigningKeyError extends Error {}

const FILE_NAME = 'ticket-signing-keys.json';
const cache = new Map<string, Promise<SigningKeys>>();

type KeyConfig = Pick<Config, 'DATA_DIR' | 'TICKET_SIGNING_KEYS'>;

/** The keys for this configuration, loaded (or generated) once per process. */
export function signingKeysFor(config: KeyConfig): Promise<SigningKeys> {
  const cacheKey = config.TICKET_SIGNING_KEYS
    ? `env:${config.TICKET_SIGNING_KEYS}`
    : `dir:${config.DATA_DIR}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = loadSigningKeys(config);
    keys.catch(() => cache.delete(cacheKey));
    cache.set(cacheKey, keys);
  }
  return keys;
}

/** Reads (or, in development, creates) the keys without the per-process cache. */
export async function loadSigningKeys(config: KeyConfig): Promise<SigningKeys> {
  return fromPrivateJwks(await loadPrivateJwks(config));
}

export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk) };
}

async function loadPrivateJwks(config: KeyConfig): Promise<JWK[]> {
  if (config.TICKET_SIGNING_KEYS) return parseKeyList(config.TICKET_SIGNING_KEYS, 'TICKET_SIGNING_KEYS');
  if (config.DATA_DIR.startsWith('memory://')) return [await generateSigningJwk()];
  const dir = path.join(config.DATA_DIR, 'keys');
  const file = path.join(dir, FILE_NAME);
  try {
    return parseKeyList(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = [await generateSigningJwk()];
  await mkdir(dir, { recursive: true });
  // 'wx': if another process created it meanwhile, read theirs instead of overwriting it.
  try {
    await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    await chmod(file, 0o600);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKeyList(await readFile(file, 'utf8'), file);
  }
}

function parseKeyList(text: string, source: string): JWK[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`${source}: not JSON (expected an array of private Ed25519 JWKs)`);
  }
  if (!Array.isArray(list) || list.length === 0) {
    throw new SigningKeyError(`${source}: expected a non-empty array of private Ed25519 JWKs`);
  }
  return list.map((k, i) => {
    const jwk = k as JWK;
    if (
      jwk?.kty !== 'OKP' ||
      jwk.crv !== 'Ed25519' ||
      typeof jwk.x !== 'string' ||
      typeof jwk.d !== 'string'
    ) {
      throw new SigningKeyError(`${source}[${i}]: not a private Ed25519 JWK (kty OKP, crv Ed25519, x, d)`);
    }
    return jwk;
  });
}

async function fromPrivateJwks(privateJwks: JWK[]): Promise<SigningKeys> {
  const publicKeys: PublicJwk[] = [];
  for (const jwk of privateJwks) {
    const x = jwk.x as string;
    const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x }));
    publicKeys.push({ kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' });
  }
  if (new Set(publicKeys.map((k) => k.kid)).size !== publicKeys.length) {
    throw new SigningKeyError('ticket signing keys: two keys share a kid');
  }
  const newest = privateJwks[privateJwks.length - 1] as JWK;
  const newestPublic = publicKeys[publicKeys.length - 1] as PublicJwk;
  const currentKid = newestPublic.kid;
  // The private key must match its public half, or every ticket would fail at inspection.
  const mismatch = () => new SigningKeyError(`ticket signing key ${currentKid}: d does not match x`);
  const privateKey = await importJWK({ ...newest, alg: 'EdDSA' }, 'EdDSA').catch(() => {
    throw mismatch();
  });
  const probe = await new CompactSign(new TextEncoder().encode('probe'))
    .setProtectedHeader({ alg: 'EdDSA' })
    .sign(privateKey);
  await compactVerify(probe, await importJWK(newestPublic, 'EdDSA')).catch(() => {
    throw mismatch();
  });
  const currentKid8 = kid8OfThumbprint(
    await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: newestPublic.x }),
  );
  return {
    currentKid,
    currentKid8,
    jwks: { keys: publicKeys },
    sign: (payload, typ = 'JWT') =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'EdDSA', kid: currentKid, typ })
        .sign(privateKey),
    signBytes: async (input) =>
      new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey as CryptoKey, toBuffer(input))),
  };
}
