import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** An unguessable URL-safe token (default 32 bytes = 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A numeric code from the CSPRNG, e.g. the 6-digit SMS code. */
export function randomDigits(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A random ticket number below 2^40 (shown as 8 Crockford base32 characters and a check). */
export function newTicketNumber(): number {
  return randomBytes(5).readUIntBE(0, 5);
}

/** HMAC-SHA256 of `value` under `secret`, base64url (a signature for links that name an id). */
export function hmacBase64url(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}
