import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { signingKeysFor } from '../../adapters/signing-keys';
import type { Tx } from '../../db/engine';
import type { SubscriptionWithZones } from '../../db/repositories/subscriptions';
import {
  type CredentialRow,
  credentialsOf,
  insertCredential,
  revokeOverlapping,
} from '../../db/repositories/tickets';
import { osloToday } from '../../domain/calendar';
import {
  buildClaims,
  credentialPeriod,
  credentialWindow,
  parseClaims,
  referenceDate,
  sameTicketContent,
} from '../../domain/ticket';
import type { AppContext } from '../context';
import { zoneSetOn } from '../subscriptions/to-dto';

/**
 * The credential for the ticket period `now` falls in (rule 7), signed once and kept: a stored one
 * is reused while it says the same (period, zones, holder, category) and is signed by the newest
 * key; otherwise a new one is signed and the overlapping older ones are marked superseded, so
 * inspection online rejects them (zone change, revocation, key rotation). Call with the
 * subscription row locked.
 */
export async function issueCredential(
  tx: Tx,
  ctx: AppContext,
  sub: SubscriptionWithZones,
  now: Date,
): Promise<CredentialRow> {
  const keys = await signingKeysFor(ctx.config);
  const today = osloToday(now);
  const zoneSet = zoneSetOn(sub.zoneSets, referenceDate(sub.startDate, sub.endDate, today));
  const zoneFrom = zoneSet?.validFrom ?? sub.startDate;
  const period = credentialPeriod(
    { startDate: sub.startDate, endDate: sub.endDate, zoneFrom, zoneTo: zoneSet?.validTo ?? null },
    today,
  );
  const window = credentialWindow(period, sub.revokedAt);
  const credentialId = randomUUID();
  const claims = buildClaims({
    ticketId: sub.id,
    credentialId,
    holder: { firstName: sub.firstName, lastName: sub.lastName },
    zoneIds: zoneSet?.zoneIds ?? [],
    categoryId: sub.categoryId,
    window,
    issuedAt: now,
  });

  const [latest] = await credentialsOf(tx, sub.id);
  if (latest && latest.revokedAt === null && latest.keyId === keys.currentKid) {
    const stored = parseClaims(decodeJwt(latest.jws));
    if (stored && sameTicketContent(stored, claims)) return latest;
  }

  const jws = await keys.sign(claims);
  const row = await insertCredential(tx, {
    id: credentialId,
    subscriptionId: sub.id,
    validFrom: window.validFrom,
    validTo: window.validTo,
    zoneIds: claims.zoneIds,
    keyId: keys.currentKid,
    jws,
    issuedAt: now,
  });
  const superseded = await revokeOverlapping(tx, {
    subscriptionId: sub.id,
    keepId: row.id,
    from: window.validFrom,
    to: window.validTo,
    now,
  });
  // A wallet fetching its credential is a read, not a change: it stays out of the audit log
  // (issue 16, item 7), which otherwise fills with one row per employee and fetch.
  ctx.log.info({ subscriptionId: sub.id, credentialId: row.id, superseded }, 'ticket credential issued');
  return row;
}
