import { randomInt } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30 s), through otplib. */
const PERIOD_SECONDS = 30;

/** A new random TOTP secret (160 bits, base32). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` URI an authenticator app reads, labelled with the product and the person's email. */
export function totpUri(input: { secret: string; email: string; issuer: string }): string {
  return generateURI({
    issuer: input.issuer,
    label: input.email,
    secret: input.secret,
    period: PERIOD_SECONDS,
  });
}

/** The URI as an SVG QR code (text, no image request). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * Checks a 6-digit code at `now` (the injected clock), one step either side for clock drift.
 * Returns the code's time step, or null. Steps at or before `afterTimeStep` (the last one
 * accepted) are refused, so a code is never accepted twice.
 */
export async function verifyTotp(input: {
  secret: string;
  code: string;
  now: Date;
  afterTimeStep?: number | null;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(input.code)) return null;
  const result = await verify({
    secret: input.secret,
    token: input.code,
    epoch: Math.floor(input.now.getTime() / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
    ...(input.afterTimeStep != null ? { afterTimeStep: input.afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator shows at `now` (tests and the development helper only). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000), period: PERIOD_SECONDS });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes, each 10 characters from an unambiguous alphabet (about 49 bits), as `xxxxx-xxxxx`. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: lower case, spaces and dashes ignored, then re-dashed. */
export function normaliseRecoveryCode(typed: string): string {
  const chars = typed.toLowerCase().replace(/[\s-]/g, '');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
