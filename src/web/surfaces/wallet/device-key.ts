import { SignJWT } from 'jose';
import { deviceSigningInput, encodeCode, fromBase64url, toBuffer } from '../../../domain/ticket-code';
import { ApiError, observeResponses } from '../../api';
import { appNow, learnDateHeader } from './clock';

/** The newest DPoP nonce the ticket API gave (RFC 9449 §8), put in every proof. */
let dpopNonce: string | undefined;

observeResponses((path, response) => {
  if (!path.startsWith('/api/tickets/')) return;
  dpopNonce = response.headers.get('DPoP-Nonce') ?? dpopNonce;
  learnDateHeader(response.headers.get('Date'), Date.now());
});

/**
 * Runs a request with a DPoP proof once more when the server answers `use_dpop_nonce` (RFC 9449
 * §8: the phone's clock is off, or the nonce ran out): the retry's proof carries the nonce that
 * answer gave, so it is accepted whatever the phone's clock says. `call` makes a fresh proof.
 */
export async function withDpopRetry<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const reason = (error instanceof ApiError ? (error.details as { reason?: unknown }) : undefined)?.reason;
    if (!(error instanceof ApiError && error.status === 401 && reason === 'use_dpop_nonce')) throw error;
    return call();
  }
}

/**
 * This device's wallet key (issue 13): a P-256 key pair made with Web Crypto as non-extractable
 * (the private key can sign but never leave the browser) and kept in IndexedDB, which stores
 * CryptoKey objects as they are. One key per browser profile serves every ticket on it.
 */
const DB_NAME = 'bedriftsbillett-wallet';
const STORE = 'keys';
const KEY_ID = 'device';

interface DeviceKey {
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openDb(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

let cached: Promise<DeviceKey> | undefined;

/** The device key, made on first use. */
export function deviceKey(): Promise<DeviceKey> {
  cached ??= (async () => {
    const db = await openDb();
    const stored = (await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID))) as
      | DeviceKey
      | undefined;
    if (stored?.privateKey && stored.publicJwk) return stored;
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const key: DeviceKey = {
      privateKey: pair.privateKey,
      publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    };
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(key, KEY_ID));
    return key;
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** A DPoP proof (RFC 9449) for one request to this origin: `{ DPoP: proof }`. */
export async function dpopHeaders(method: string, path: string): Promise<Record<string, string>> {
  const key = await deviceKey();
  const proof = await new SignJWT({
    htm: method,
    htu: new URL(path, window.location.origin).href.split('?')[0],
    iat: Math.floor(appNow().getTime() / 1000),
    jti: crypto.randomUUID(),
    ...(dpopNonce === undefined ? {} : { nonce: dpopNonce }),
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.publicJwk })
    .sign(key.privateKey);
  return { DPoP: proof };
}

/** The QR text: the credential (base64url COSE) with this device's signature over it and `at`. */
export async function signedCode(credential: string, at: Date): Promise<string> {
  const key = await deviceKey();
  const bytes = fromBase64url(credential);
  const t = Math.floor(at.getTime() / 1000);
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    key.privateKey,
    toBuffer(deviceSigningInput(bytes, t)),
  );
  return encodeCode(bytes, t, new Uint8Array(signature));
}
