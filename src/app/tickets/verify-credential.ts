import { calculateJwkThumbprint, importJWK } from 'jose';
import { type SigningKeys, signingKeysFor } from '../../adapters/signing-keys';
import type { Db } from '../../db/engine';
import { isUuid } from '../../db/repositories/subscriptions';
import { DEFAULT_TICKET_SETTINGS } from '../../db/repositories/ticket-devices';
import { findSubscriptionById, type InspectionView, readInspectionView } from '../../db/repositories/tickets';
import { AppError } from '../../domain/errors';
import {
  claimsWindow,
  credentialOutsideRegister,
  type TicketClaims,
  ticketStatus,
  verifyOffline,
} from '../../domain/ticket';
import {
  CODE_PREFIX,
  type CodeReason,
  type IssuerKey,
  kid8OfThumbprint,
  parseCode,
  parseCredential,
  verifyCode,
} from '../../domain/ticket-code';
import { formatTicketNumber } from '../../domain/ticket-number';
import type { AppContext } from '../context';
import { takeSlots } from '../rate-limit';

export type VerifyReason = CodeReason;

/** Verifications per client address (issue 13, L10): a busy gate scans one code every few seconds. */
export const INSPECTION_VERIFY_LIMIT = { limit: 60, windowMs: 60_000 };

/**
 * A code that is not the live ticket on its own device (a screenshot, a copy without or with
 * another device's signature) does not get the register's name back (issue 13, L10): whoever
 * holds a stale copy learns nothing the copy does not already say.
 */
const NO_NAME_REASONS: ReadonlySet<string> = new Set([
  'stale',
  'device_proof_missing',
  'device_proof_invalid',
]);

function withoutNameIfCopy(v: VerificationDto): VerificationDto {
  return v.reason !== undefined && NO_NAME_REASONS.has(v.reason) ? { ...v, holder: null } : v;
}

/**
 * Inspection online, rate limited per client address (TOO_MANY_REQUESTS with Retry-After), see
 * verifyCredential.
 */
export async function verifyCredentialFrom(
  ctx: AppContext,
  input: { code: string; address: string },
): Promise<VerificationDto> {
  const slot = await takeSlots(
    ctx.db,
    [{ key: `inspection-verify:${input.address}`, ...INSPECTION_VERIFY_LIMIT }],
    ctx.clock.now(),
  );
  if (!slot.ok) {
    const { retryAfterSeconds } = slot;
    throw new AppError('TOO_MANY_REQUESTS', {
      params: { retryAfterSeconds },
      details: { retryAfterSeconds },
    });
  }
  return withoutNameIfCopy(await verifyCredential(ctx, { code: input.code }));
}

export interface VerificationDto {
  valid: boolean;
  reason?: VerifyReason;
  ticketId: string | null;
  ticketNumber: string | null;
  holder: { firstName: string; lastName: string } | null;
  zoneIds: string[] | null;
  categoryId: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** When the wallet made the code (its device signature's time), for a QR code. */
  codeTime?: string | null;
}

const importedKeys = new WeakMap<SigningKeys, Promise<IssuerKey[]>>();

/**
 * The operator's keys as the QR verifier wants them (8-byte kid from the RFC 7638 thumbprint),
 * imported once per set of signing keys (the keys of a process do not change while it runs).
 */
export async function issuerKeys(ctx: AppContext): Promise<IssuerKey[]> {
  const keys = await signingKeysFor(ctx.config);
  let imported = importedKeys.get(keys);
  if (!imported) {
    imported = Promise.all(
      keys.jwks.keys.map(async (jwk) => ({
        kid8: kid8OfThumbprint(await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x })),
        key: (await importJWK({ ...jwk }, 'EdDSA')) as CryptoKey,
      })),
    );
    importedKeys.set(keys, imported);
  }
  return imported;
}

/**
 * Inspection online (issue 13): `code` is the QR's text. The same check the inspection page makes
 * offline (operator signature, window, the device's signature, freshness), then, being online,
 * revocation from the register itself: the ticket ended, was cancelled, moved to another device,
 * or this credential was replaced. A bare credential (the API's JWS, or a QR without the device's
 * signature) is device_proof_missing once its signature holds. Garbage is valid:false, never an error.
 */
export async function verifyCredential(ctx: AppContext, input: { code: string }): Promise<VerificationDto> {
  const now = ctx.clock.now();
  if (!input.code.trim().startsWith(CODE_PREFIX)) return verifyBareJws(ctx, input.code, now);
  // The register is read in one statement for the number the code claims; the claims count only
  // once verifyCode has checked the signatures over these very bytes.
  const parsed = parseCode(input.code);
  const claimed = parsed ? (parseCredential(parsed.credential)?.claims ?? null) : null;
  const register = await readInspectionView(ctx.db, claimed);
  const settings = register.settings ?? DEFAULT_TICKET_SETTINGS;
  const checked = await verifyCode(input.code, {
    issuerKeys: await issuerKeys(ctx),
    now,
    freshnessSeconds: settings.freshnessSeconds,
  });
  const claims = checked.claims;
  if (!claims) return { valid: false, reason: checked.valid ? 'malformed' : checked.reason, ...noClaims };
  const sub = register.sub;
  let reason = checked.valid ? undefined : checked.reason;
  if (reason === undefined && revokedOnline(register.credential, sub, now)) reason = 'revoked';
  return {
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    ticketId: sub?.id ?? null,
    ticketNumber: formatTicketNumber(claims.ticketNumber),
    holder: sub ? { firstName: sub.firstName, lastName: sub.lastName } : claims.holder,
    zoneIds: claims.zoneCodes.map((c) => register.zoneIds.get(c) ?? String(c)),
    categoryId: claims.categoryId,
    validFrom: new Date(claims.nbf * 1000).toISOString(),
    validTo: new Date((claims.exp - 1) * 1000).toISOString(),
    codeTime: checked.deviceTime === null ? null : new Date(checked.deviceTime * 1000).toISOString(),
  };
}

/**
 * Revoked by the register itself: the ticket is not approved or has ended, the credential is not
 * this ticket's or was revoked, or the register no longer backs it (its day is past the end, or it
 * carries a zone the ticket does not have on that day: issue 13, H2).
 */
function revokedOnline(
  credential: InspectionView['credential'],
  sub: InspectionView['sub'],
  now: Date,
): boolean {
  if (sub?.state !== 'approved') return true;
  if (sub.revokedAt !== null && sub.revokedAt.getTime() <= now.getTime()) return true;
  if (ticketStatus(sub, now) === 'ended') return true;
  if (credential?.subscriptionId !== sub.id) return true;
  if (credentialOutsideRegister(credential, sub) !== null) return true;
  return credential.revokedAt !== null && credential.revokedAt.getTime() <= now.getTime();
}

/** The API's JWS credential: its signature and window, then device_proof_missing. */
async function verifyBareJws(ctx: AppContext, jws: string, now: Date): Promise<VerificationDto> {
  const keys = await signingKeysFor(ctx.config);
  const offline = await verifyOffline(jws, keys.jwks, now);
  if (offline.claims === null) return { valid: false, reason: offline.reason, ...noClaims };
  const reason = offline.valid ? 'device_proof_missing' : offline.reason;
  return { valid: false, reason, ...(await summary(ctx.db, offline.claims)) };
}

const noClaims = {
  ticketId: null,
  ticketNumber: null,
  holder: null,
  zoneIds: null,
  categoryId: null,
  validFrom: null,
  validTo: null,
};

async function summary(db: Db, claims: TicketClaims) {
  const { validFrom, validTo } = claimsWindow(claims);
  const sub = isUuid(claims.tid) ? await findSubscriptionById(db, claims.tid) : null;
  return {
    ticketId: claims.tid,
    ticketNumber: sub ? formatTicketNumber(sub.ticketNumber) : null,
    holder: claims.holder,
    zoneIds: claims.zoneIds,
    categoryId: claims.categoryId,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
  };
}
