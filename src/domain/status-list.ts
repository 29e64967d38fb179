import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import { fromBase64url, toBase64url, toBuffer } from './ticket-code';

/**
 * The operator's revocation list in the IETF Token Status List pattern
 * (draft-ietf-oauth-status-list): one bit per issued ticket credential (its `statusIndex`), 1 =
 * revoked (ended, moved to another device, or replaced by a newer credential). The bit string is
 * DEFLATE-compressed (zlib format) and base64url-encoded as `status_list.lst`, in a JWT of type
 * `statuslist+jwt` signed with the ticket-signing key, so an inspector verifies a cached copy
 * offline with the same JWKS as the tickets. Bit i is byte i >> 3, bit i & 7 (least significant first).
 */
export const STATUS_LIST_TYP = 'statuslist+jwt';

export interface StatusListClaims {
  sub: string;
  iat: number;
  exp: number;
  ttl: number;
  status_list: { bits: 1; lst: string };
}

/** The bit string with the given indices set. */
export function bitString(revoked: Iterable<number>, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(1, Math.ceil(size / 8)));
  for (const i of revoked) {
    if (i >= 0 && i < bytes.length * 8) bytes[i >> 3] = (bytes[i >> 3] as number) | (1 << (i & 7));
  }
  return bytes;
}

export function bitAt(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index >> 3];
  return byte !== undefined && (byte & (1 << (index & 7))) !== 0;
}

async function through(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const out = new Blob([toBuffer(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The claims of a list: the bits compressed (zlib DEFLATE) and base64url-encoded. */
export async function statusListClaims(input: {
  uri: string;
  bits: Uint8Array;
  issuedAt: Date;
  ttlSeconds: number;
  lifetimeSeconds: number;
}): Promise<StatusListClaims> {
  const iat = Math.floor(input.issuedAt.getTime() / 1000);
  return {
    sub: input.uri,
    iat,
    exp: iat + input.lifetimeSeconds,
    ttl: input.ttlSeconds,
    status_list: { bits: 1, lst: toBase64url(await through(input.bits, new CompressionStream('deflate'))) },
  };
}

export interface VerifiedStatusList {
  issuedAt: Date;
  /** After this the list may not be used to decide (its `exp`). */
  expiresAt: Date;
  /** How often a holder of the list should fetch it again (its `ttl`, seconds), if it says. */
  ttlSeconds: number | null;
  isRevoked(index: number): boolean;
}

/**
 * Verifies a status-list JWT against the operator's public keys (offline) and unpacks it; null
 * when it is not a list signed by one of them. An expired list still verifies: the caller shows its
 * age and decides.
 */
export async function verifyStatusList(
  token: string,
  jwks: { keys: JWK[] },
): Promise<VerifiedStatusList | null> {
  try {
    const { kid } = decodeProtectedHeader(token);
    const jwk = jwks.keys.find((k) => k.kid === kid);
    if (!jwk) return null;
    const key = await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['EdDSA'],
      typ: STATUS_LIST_TYP,
      currentDate: new Date(0),
    });
    const list = payload.status_list as { bits?: unknown; lst?: unknown } | undefined;
    if (list?.bits !== 1 || typeof list.lst !== 'string' || typeof payload.iat !== 'number') return null;
    const bits = await through(fromBase64url(list.lst), new DecompressionStream('deflate'));
    return {
      issuedAt: new Date(payload.iat * 1000),
      expiresAt: new Date((payload.exp ?? payload.iat) * 1000),
      ttlSeconds: typeof payload.ttl === 'number' && payload.ttl > 0 ? payload.ttl : null,
      isRevoked: (index) => bitAt(bits, index),
    };
  } catch {
    return null;
  }
}
