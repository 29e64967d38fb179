import { decode, encode, Tagged } from 'cborg';
import { base45Decode, base45Encode } from './base45';

/**
 * The ticket QR code (issue 13, docs/decisions/014): the UIC dynamic-barcode model in the EU DCC's
 * encoding.
 *
 * Level 1, the credential: a COSE_Sign1 (RFC 9052, tag 18, EdDSA/Ed25519 by the operator) over a
 * CWT (RFC 8392) whose claims are exp (4), nbf (5), cnf (8: the wallet's P-256 public key as a
 * compressed point, RFC 8747 in compact form) and the ticket's own short claims:
 * "n" ticket number, "s" status-list index, "g"/"f" given and family name (each at most
 * NAME_BYTES of UTF-8: longer names are shortened at a character boundary, as a passport's MRZ
 * does), "z" the zone codes as a bit set (bit k = zone code k), "c" the category id.
 * The protected header carries alg -8 and kid: the first 8 bytes of the signing key's RFC 7638
 * thumbprint.
 *
 * Level 2, the device proof: the wallet signs CBOR ["BB1 device", credential, t] with its
 * non-extractable P-256 key (ES256, raw r‖s), t being the current time in seconds.
 *
 * The QR text is "BB1:" + base45(CBOR [credential, t, signature]) and is drawn in QR alphanumeric
 * mode; a bare credential is "BB1:" + base45(credential).
 *
 * This module is pure (time and keys passed in) and runs on Web Crypto in Node and the browser.
 */
export const CODE_PREFIX = 'BB1:';
export const NAME_BYTES = 48;
/** How far a code's time may lie ahead of the inspector's clock (the phones' clocks differ a little). */
export const CLOCK_SKEW_SECONDS = 30;
const DEVICE_CONTEXT = 'BB1 device';
const EDDSA = -8;

export interface DeviceKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export interface CodeClaims {
  ticketNumber: number;
  statusIndex: number;
  holder: { firstName: string; lastName: string };
  zoneCodes: number[];
  categoryId: string;
  /** Seconds: the first valid second and the first no longer valid (RFC 7519). */
  nbf: number;
  exp: number;
  deviceKey: DeviceKey;
}

export type CodeReason =
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'not_yet_valid'
  | 'expired'
  | 'device_proof_missing'
  | 'device_proof_invalid'
  | 'stale'
  | 'revoked';

export interface IssuerKey {
  /** Hex of the first 8 bytes of the key's RFC 7638 thumbprint. */
  kid8: string;
  /** An Ed25519 public key for verify. */
  key: CryptoKey;
}

/** Shortens a name to at most `maxBytes` of UTF-8, never splitting a character. */
export function shortenName(name: string, maxBytes = NAME_BYTES): string {
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** The CWT payload bytes of the claims (names shortened, zones as a bit set). */
export function encodeClaims(c: CodeClaims): Uint8Array {
  return encode(
    new Map<number | string, unknown>([
      [4, c.exp],
      [5, c.nbf],
      [8, compressPoint(c.deviceKey)],
      ['n', c.ticketNumber],
      ['s', c.statusIndex],
      ['g', shortenName(c.holder.firstName)],
      ['f', shortenName(c.holder.lastName)],
      ['z', zoneBits(c.zoneCodes)],
      ['c', c.categoryId],
    ]),
  );
}

/** The protected header of the operator's signature. */
export function protectedHeader(kid8: Uint8Array): Uint8Array {
  return encode(
    new Map<number, unknown>([
      [1, EDDSA],
      [4, kid8],
    ]),
  );
}

/** What COSE_Sign1 signs (RFC 9052 §4.4): ["Signature1", protected, external_aad, payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/** The COSE_Sign1 bytes (tagged 18) from its parts. */
export function coseSign1(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
  signature: Uint8Array,
): Uint8Array {
  return encode(new Tagged(18, [protectedBytes, new Map(), payload, signature]));
}

/** What the wallet signs: the credential and the time (seconds). */
export function deviceSigningInput(credential: Uint8Array, t: number): Uint8Array {
  return encode([DEVICE_CONTEXT, credential, t]);
}

/** The QR text of a credential with the device's signature over it and the time. */
export function encodeCode(credential: Uint8Array, t: number, deviceSignature: Uint8Array): string {
  return CODE_PREFIX + base45Encode(encode([credential, t, deviceSignature]));
}

/** The QR text of a bare credential (no device proof: inspection says device_proof_missing). */
export function encodeBareCredential(credential: Uint8Array): string {
  return CODE_PREFIX + base45Encode(credential);
}

interface ParsedCode {
  credential: Uint8Array;
  device: { t: number; signature: Uint8Array } | null;
}

const MAX_CODE_LENGTH = 4096;

/** The parts of a QR text, or null when it is not one. */
export function parseCode(text: string): ParsedCode | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(CODE_PREFIX) || trimmed.length > MAX_CODE_LENGTH) return null;
  const bytes = base45Decode(trimmed.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length === 0) return null;
  if (bytes[0] === 0xd2) return { credential: bytes, device: null };
  const outer = safeDecode(bytes);
  if (!Array.isArray(outer) || outer.length !== 3) return null;
  const [credential, t, signature] = outer as unknown[];
  if (!(credential instanceof Uint8Array) || !(signature instanceof Uint8Array)) return null;
  if (!Number.isSafeInteger(t) || (t as number) < 0) return null;
  return { credential, device: { t: t as number, signature } };
}

interface ParsedCredential {
  kid8: string;
  signed: Uint8Array;
  signature: Uint8Array;
  claims: CodeClaims | null;
}

/** The parts of a COSE_Sign1 credential, or null when it is not one. */
export function parseCredential(bytes: Uint8Array): ParsedCredential | null {
  const value = safeDecode(bytes);
  if (!(value instanceof Tagged) || value.tag !== 18 || !Array.isArray(value.value)) return null;
  const [protectedBytes, , payload, signature] = value.value as unknown[];
  if (value.value.length !== 4) return null;
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array)) return null;
  if (!(signature instanceof Uint8Array)) return null;
  const header = safeDecode(protectedBytes);
  if (!(header instanceof Map) || header.get(1) !== EDDSA) return null;
  const kid = header.get(4);
  if (!(kid instanceof Uint8Array) || kid.length !== 8) return null;
  return {
    kid8: toHex(kid),
    signed: sigStructure(protectedBytes, payload),
    signature,
    claims: parseClaims(safeDecode(payload)),
  };
}

const MAX_TEXT = 200;

function parseClaims(value: unknown): CodeClaims | null {
  if (!(value instanceof Map)) return null;
  const exp = value.get(4);
  const nbf = value.get(5);
  const cnf = value.get(8);
  const n = value.get('n');
  const s = value.get('s');
  const g = value.get('g');
  const f = value.get('f');
  const z = value.get('z');
  const c = value.get('c');
  const seconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
  if (!seconds(exp) || !seconds(nbf) || exp <= nbf || !seconds(n) || !seconds(s)) return null;
  if (!text(g) || !text(f) || !text(c) || c.length === 0 || !(z instanceof Uint8Array)) return null;
  const deviceKey = cnf instanceof Uint8Array ? decompressPoint(cnf) : null;
  if (!deviceKey) return null;
  return {
    ticketNumber: n,
    statusIndex: s,
    holder: { firstName: g, lastName: f },
    zoneCodes: zoneCodesOf(z),
    categoryId: c,
    nbf,
    exp,
    deviceKey,
  };
}

export type CodeVerification =
  | { valid: true; claims: CodeClaims; deviceTime: number }
  | { valid: false; reason: CodeReason; claims: CodeClaims | null; deviceTime: number | null };

export interface VerifyOptions {
  issuerKeys: IssuerKey[];
  now: Date;
  /** The freshness window (operator setting, default 60 s). */
  freshnessSeconds: number;
  /** Whether the credential's status-list bit says revoked; null when no list is at hand. */
  isRevoked?: (statusIndex: number) => boolean | null;
}

/**
 * Verifies a QR text offline, in this order: form (malformed) → operator key (unknown_key) →
 * operator signature (bad_signature) → claims (malformed) → the credential's window
 * (not_yet_valid, expired) → the device's proof (device_proof_missing, device_proof_invalid)
 * → its age (stale: older than the freshness window or further ahead than the clock skew)
 * → the revocation list (revoked).
 */
export async function verifyCode(text: string, options: VerifyOptions): Promise<CodeVerification> {
  const code = parseCode(text);
  const credential = code && parseCredential(code.credential);
  if (!code || !credential) return fail('malformed', null, null);
  const issuer = options.issuerKeys.find((k) => k.kid8 === credential.kid8);
  if (!issuer) return fail('unknown_key', null, null);
  const signatureOk = await crypto.subtle
    .verify('Ed25519', issuer.key, toBuffer(credential.signature), toBuffer(credential.signed))
    .catch(() => false);
  if (!signatureOk) return fail('bad_signature', null, null);
  const claims = credential.claims;
  if (!claims) return fail('malformed', null, null);
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const deviceTime = code.device?.t ?? null;
  if (nowSeconds < claims.nbf) return fail('not_yet_valid', claims, deviceTime);
  if (nowSeconds >= claims.exp) return fail('expired', claims, deviceTime);
  if (!code.device) return fail('device_proof_missing', claims, null);
  if (!(await deviceSignatureOk(claims.deviceKey, code.credential, code.device))) {
    return fail('device_proof_invalid', claims, deviceTime);
  }
  const age = nowSeconds - code.device.t;
  if (age > options.freshnessSeconds || age < -CLOCK_SKEW_SECONDS) return fail('stale', claims, deviceTime);
  if (options.isRevoked?.(claims.statusIndex) === true) return fail('revoked', claims, deviceTime);
  return { valid: true, claims, deviceTime: code.device.t };
}

async function deviceSignatureOk(
  deviceKey: DeviceKey,
  credential: Uint8Array,
  device: { t: number; signature: Uint8Array },
): Promise<boolean> {
  if (device.signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      deviceKey,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      toBuffer(device.signature),
      toBuffer(deviceSigningInput(credential, device.t)),
    );
  } catch {
    return false;
  }
}

function fail(reason: CodeReason, claims: CodeClaims | null, deviceTime: number | null): CodeVerification {
  return { valid: false, reason, claims, deviceTime };
}

function safeDecode(bytes: Uint8Array): unknown {
  try {
    return decode(bytes, { useMaps: true, tags: { 18: Tagged.decoder(18) } as never });
  } catch {
    return undefined;
  }
}

/** Zone codes as a bit set: bit k (byte k >> 3, bit k & 7, least significant first) = zone code k. */
export function zoneBits(codes: number[]): Uint8Array {
  const max = codes.reduce((m, c) => Math.max(m, c), 0);
  const bits = new Uint8Array((max >> 3) + 1);
  for (const c of codes) bits[c >> 3] = (bits[c >> 3] as number) | (1 << (c & 7));
  return bits;
}

export function zoneCodesOf(bits: Uint8Array): number[] {
  const codes: number[] = [];
  bits.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) if (byte & (1 << b)) codes.push(i * 8 + b);
  });
  return codes;
}

// P-256 (FIPS 186-4 D.1.2.3): y² = x³ − 3x + b over p; p ≡ 3 (mod 4), so √a = a^((p+1)/4).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/** The SEC 1 compressed form (0x02/0x03 ‖ x) of a P-256 public key. */
export function compressPoint(key: DeviceKey): Uint8Array {
  const x = fromBase64url(key.x);
  const y = fromBase64url(key.y);
  const out = new Uint8Array(33);
  out[0] = ((y[31] as number) & 1) === 1 ? 3 : 2;
  out.set(x, 1);
  return out;
}

/** The JWK of a compressed P-256 point, or null when it is not a point on the curve. */
export function decompressPoint(bytes: Uint8Array): DeviceKey | null {
  if (bytes.length !== 33 || (bytes[0] !== 2 && bytes[0] !== 3)) return null;
  const x = BigInt(`0x${toHex(bytes.subarray(1))}`);
  if (x >= P) return null;
  const rhs = mod(x * x * x - 3n * x + B);
  let y = modPow(rhs, (P + 1n) / 4n);
  if (mod(y * y) !== rhs) return null;
  if (Number(y & 1n) !== (bytes[0] & 1)) y = P - y;
  return {
    kty: 'EC',
    crv: 'P-256',
    x: toBase64url(bytes.subarray(1)),
    y: toBase64url(fromHex(y.toString(16).padStart(64, '0'))),
  };
}

function mod(a: bigint): bigint {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
    e >>= 1n;
  }
  return result;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** An exact copy as an ArrayBuffer (cborg may hand out Node Buffers, whose slice() is a view of a pool). */
export function toBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/** The 8-byte kid (hex) of an operator key from its RFC 7638 thumbprint (base64url SHA-256). */
export function kid8OfThumbprint(thumbprint: string): string {
  return toHex(fromBase64url(thumbprint).subarray(0, 8));
}

/** Builds the COSE_Sign1 credential of claims; `sign` makes the Ed25519 signature of its input. */
export async function signCredential(
  claims: CodeClaims,
  kid8: string,
  sign: (input: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const protectedBytes = protectedHeader(fromHex(kid8));
  const payload = encodeClaims(claims);
  return coseSign1(protectedBytes, payload, await sign(sigStructure(protectedBytes, payload)));
}
