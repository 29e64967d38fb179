import { calculateJwkThumbprint, EmbeddedJWK, type JWK, jwtVerify } from 'jose';

/**
 * DPoP proofs (RFC 9449 §4.3): a JWT of type dpop+jwt, signed ES256 by the wallet's P-256 key,
 * whose header carries that public key (jwk) and whose claims bind it to one request: htm (the
 * method), htu (the URL without query and fragment), iat (now, within the window) and jti (unique;
 * the caller rejects a jti seen before). Returns the key and its RFC 7638 thumbprint (jkt).
 */
export const DPOP_WINDOW_SECONDS = 120;
export const DPOP_FUTURE_SKEW_SECONDS = 30;

/**
 * RFC 9449 §8: a proof may carry a `nonce` the server gave out (`DPoP-Nonce` header). A valid
 * nonce is the proof's freshness, so its `iat` is not held to the window: a device whose clock is
 * minutes off recovers by retrying with the nonce of the `use_dpop_nonce` answer. Returns the
 * nonce's end (epoch seconds) or null when it is not one of the server's or has run out.
 */
export type NonceCheck = (nonce: string) => number | null;

export type DpopCheck =
  | {
      ok: true;
      jkt: string;
      jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
      jti: string;
      iat: number;
      /** Until when (epoch seconds) the proof could be accepted: its jti must be kept that long. */
      freshUntil: number;
    }
  | { ok: false; reason: 'missing' | 'invalid' | 'wrong_request' | 'stale' | 'use_dpop_nonce' };

/**
 * Checks a proof for one request. Without a nonce, `iat` must lie within the window; with
 * `nonceCheck` given, a proof whose iat is outside it, or whose nonce is not valid, is
 * `use_dpop_nonce` (the client retries with the server's nonce), else `stale`.
 */

export async function checkDpopProof(
  proof: string | undefined,
  request: { method: string; urls: string[]; now: Date; nonceCheck?: NonceCheck },
): Promise<DpopCheck> {
  if (!proof) return { ok: false, reason: 'missing' };
  if (proof.length > 4096) return { ok: false, reason: 'invalid' };
  let payload: Record<string, unknown>;
  let jwk: JWK;
  try {
    const verified = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ['ES256'],
      currentDate: request.now,
    });
    payload = verified.payload;
    jwk = verified.protectedHeader.jwk as JWK;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    return { ok: false, reason: 'invalid' };
  }
  const { htm, htu, iat, jti } = payload;
  if (typeof jti !== 'string' || jti.length < 8 || jti.length > 200 || typeof iat !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  if (htm !== request.method || typeof htu !== 'string' || !request.urls.some((u) => sameTarget(u, htu))) {
    return { ok: false, reason: 'wrong_request' };
  }
  const now = request.now.getTime() / 1000;
  let freshUntil = iat + DPOP_WINDOW_SECONDS + DPOP_FUTURE_SKEW_SECONDS;
  const nonceEnd =
    payload.nonce === undefined || !request.nonceCheck
      ? null
      : typeof payload.nonce === 'string' && payload.nonce.length <= 200
        ? request.nonceCheck(payload.nonce)
        : null;
  if (payload.nonce !== undefined && request.nonceCheck && nonceEnd === null) {
    return { ok: false, reason: 'use_dpop_nonce' };
  }
  if (nonceEnd !== null) {
    freshUntil = Math.ceil(nonceEnd);
  } else if (iat < now - DPOP_WINDOW_SECONDS || iat > now + DPOP_FUTURE_SKEW_SECONDS) {
    return { ok: false, reason: request.nonceCheck ? 'use_dpop_nonce' : 'stale' };
  }
  const key = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x, y: jwk.y };
  return { ok: true, jkt: await calculateJwkThumbprint(key), jwk: key, jti, iat, freshUntil };
}

/** RFC 9449 §4.3 step 9: the URLs compared without query and fragment (RFC 3986 normalised by URL). */
function sameTarget(expected: string, htu: string): boolean {
  try {
    const a = new URL(expected);
    const b = new URL(htu);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
