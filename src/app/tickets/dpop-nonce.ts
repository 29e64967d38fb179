import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromBase64url, toBase64url } from '../../domain/ticket-code';

/** How long a DPoP nonce is good for (RFC 9449 §8): a proof with it is accepted that long. */
export const DPOP_NONCE_SECONDS = 300;

function mac(secret: string, t: number): Uint8Array {
  return new Uint8Array(createHmac('sha256', secret).update(`dpop-nonce\n${t}`).digest()).subarray(0, 16);
}

/**
 * A DPoP nonce (RFC 9449 §8) made from the server's clock: the time it was made and an HMAC over
 * it with the server secret, so every process accepts it without storing anything.
 */
export function issueDpopNonce(secret: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `${t.toString(36)}.${toBase64url(mac(secret, t))}`;
}

/** The nonce's end (epoch seconds) when it is the server's and still good at `now`, else null. */
export function dpopNonceEnd(secret: string, nonce: string, now: Date): number | null {
  const match = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/.exec(nonce);
  if (!match) return null;
  const t = Number.parseInt(match[1] as string, 36);
  let given: Uint8Array;
  try {
    given = fromBase64url(match[2] as string);
  } catch {
    return null;
  }
  const expected = mac(secret, t);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const seconds = now.getTime() / 1000;
  if (t > seconds + 5 || seconds - t > DPOP_NONCE_SECONDS) return null;
  return t + DPOP_NONCE_SECONDS;
}
