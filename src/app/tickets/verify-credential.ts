import { signingKeysFor } from '../../adapters/signing-keys';
import { isUuid } from '../../db/repositories/subscriptions';
import { findCredential, findSubscriptionById } from '../../db/repositories/tickets';
import {
  claimsWindow,
  type TicketClaims,
  ticketStatus,
  type VerifyReason,
  verifyOffline,
} from '../../domain/ticket';
import type { AppContext } from '../context';

export interface VerificationDto {
  valid: boolean;
  reason?: VerifyReason;
  ticketId: string | null;
  holder: { firstName: string; lastName: string } | null;
  zoneIds: string[] | null;
  categoryId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Inspection (rule 7): the signature against the operator's keys and the window against the
 * clock (the same check the inspection page makes offline), then, being online, revocation: the
 * ticket ended "now", was cancelled, or this credential was superseded by a newer one. An expired
 * credential stays "expired"; any other revoked one is "revoked". Garbage is valid:false, never
 * an error.
 */
export async function verifyCredential(
  ctx: AppContext,
  input: { credential: string },
): Promise<VerificationDto> {
  const now = ctx.clock.now();
  const keys = await signingKeysFor(ctx.config);
  const offline = await verifyOffline(input.credential, keys.jwks, now);
  if (offline.claims === null) return { valid: false, reason: offline.reason, ...noClaims };
  const claims = offline.claims;
  const reason =
    !offline.valid && offline.reason === 'expired' ? 'expired' : await revocation(ctx, claims, now);
  const finalReason = reason ?? (offline.valid ? undefined : offline.reason);
  return {
    valid: finalReason === undefined,
    ...(finalReason ? { reason: finalReason } : {}),
    ...summary(claims),
  };
}

async function revocation(ctx: AppContext, claims: TicketClaims, now: Date): Promise<'revoked' | null> {
  if (!isUuid(claims.tid)) return 'revoked';
  const sub = await findSubscriptionById(ctx.db, claims.tid);
  if (sub?.state !== 'approved') return 'revoked';
  if (sub.revokedAt !== null && sub.revokedAt.getTime() <= now.getTime()) return 'revoked';
  if (ticketStatus(sub, now) === 'ended') return 'revoked';
  const credential = isUuid(claims.jti) ? await findCredential(ctx.db, claims.jti) : null;
  if (credential?.revokedAt && credential.revokedAt.getTime() <= now.getTime()) return 'revoked';
  return null;
}

const noClaims = {
  ticketId: null,
  holder: null,
  zoneIds: null,
  categoryId: null,
  validFrom: null,
  validTo: null,
};

function summary(claims: TicketClaims) {
  const { validFrom, validTo } = claimsWindow(claims);
  return {
    ticketId: claims.tid,
    holder: claims.holder,
    zoneIds: claims.zoneIds,
    categoryId: claims.categoryId,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
  };
}
