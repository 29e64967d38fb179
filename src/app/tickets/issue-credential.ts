import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { signingKeysFor } from '../../adapters/signing-keys';
import type { Tx } from '../../db/engine';
import type { SubscriptionWithZones } from '../../db/repositories/subscriptions';
import { zoneCodeTable } from '../../db/repositories/ticket-devices';
import {
  type CredentialRow,
  credentialsOf,
  insertCredential,
  revokeOverlapping,
} from '../../db/repositories/tickets';
import { ticketCredentials } from '../../db/schema';
import { addDays, compareDates, maxDate, osloToday } from '../../domain/calendar';
import {
  buildClaims,
  credentialWindow,
  parseClaims,
  type RegisterZoneSet,
  sameTicketContent,
  type TicketClaims,
  zoneSetInForce,
} from '../../domain/ticket';
import { type DeviceKey, signCredential, toBase64url } from '../../domain/ticket-code';
import type { AppContext } from '../context';
import { settleCredentials } from './settle-credentials';

/** Days after today the wallet gets credentials for, so it works offline that long (issue 13). */
export const CREDENTIAL_DAYS_AHEAD = 3;

/** What credentialDays needs of a ticket. */
export interface CredentialTicket {
  id: string;
  firstName: string;
  lastName: string;
  categoryId: string;
  startDate: string;
  endDate: string | null;
  revokedAt: Date | null;
  zoneSets: RegisterZoneSet[];
}

/**
 * The days a device-bound ticket has credentials for at `now` (today and the next
 * CREDENTIAL_DAYS_AHEAD days inside the ticket's validity, oldest first), each with its window,
 * zones and the claims a credential for it carries (with a new random jti).
 */
export function credentialDays(sub: CredentialTicket, now: Date) {
  const today = osloToday(now);
  const days: { window: { validFrom: Date; validTo: Date }; zoneIds: string[]; claims: TicketClaims }[] = [];
  for (let i = 0; i <= CREDENTIAL_DAYS_AHEAD; i++) {
    const day = addDays(today, i);
    if (compareDates(day, sub.startDate) < 0) continue;
    if (sub.endDate !== null && compareDates(day, sub.endDate) > 0) break;
    const window = credentialWindow({ from: day, to: day }, sub.revokedAt);
    if (sub.revokedAt !== null && sub.revokedAt.getTime() <= window.validFrom.getTime()) break;
    if (window.validTo.getTime() < now.getTime()) continue;
    const zoneIds = zoneSetInForce(sub.zoneSets, maxDate(day, sub.startDate))?.zoneIds ?? [];
    const claims = buildClaims({
      ticketId: sub.id,
      credentialId: randomUUID(),
      holder: { firstName: sub.firstName, lastName: sub.lastName },
      zoneIds,
      categoryId: sub.categoryId,
      window,
      issuedAt: now,
    });
    days.push({ window, zoneIds, claims });
  }
  return days;
}

/**
 * A stored credential that says the same as `claims` (day, zones, holder, category), is not
 * revoked, names the device `jkt` and was signed by the current key `kid`: it is handed out again
 * instead of a new one. Undefined when there is none.
 */
export function reusableCredential(
  stored: CredentialRow[],
  claims: TicketClaims,
  kid: string,
  jkt: string,
): CredentialRow | undefined {
  return stored.find((row) => {
    if (row.revokedAt !== null || row.keyId !== kid || row.deviceJkt !== jkt) return false;
    const c = parseClaims(decodeJwt(row.jws));
    return c !== null && sameTicketContent(c, claims);
  });
}

/**
 * The credentials of a device-bound ticket (issue 13): one per Oslo day (so each lives at most
 * 25 hours, well inside the 48 h ceiling) for today and the next CREDENTIAL_DAYS_AHEAD days that
 * fall inside the ticket's validity, each naming the device key (JWS `cnf.jkt`; the QR form
 * carries the key itself). A stored credential is reused while it says the same (day, zones,
 * holder, category, device, signing key); otherwise a new one is signed and the overlapping older
 * ones are marked revoked, which puts them on the revocation list. Call with the subscription
 * row locked. Oldest first.
 */
export async function issueCredentials(
  tx: Tx,
  ctx: AppContext,
  sub: SubscriptionWithZones & { ticketNumber: number },
  device: { jkt: string; key: DeviceKey },
  now: Date,
): Promise<CredentialRow[]> {
  const keys = await signingKeysFor(ctx.config);
  // A credential the register no longer backs is revoked before any is reused (issue 13, H1/H2).
  await settleCredentials(tx, sub.id, now);
  const stored = await credentialsOf(tx, sub.id);
  const zoneCodes = new Map((await zoneCodeTable(tx)).map((z) => [z.id, z.code]));
  const out: CredentialRow[] = [];
  const issued: string[] = [];
  for (const { window, zoneIds, claims } of credentialDays(sub, now)) {
    const credentialId = claims.jti;
    const reusable = reusableCredential(stored, claims, keys.currentKid, device.jkt);
    if (reusable) {
      out.push(reusable);
      continue;
    }
    const jws = await keys.sign({ ...claims, tno: sub.ticketNumber, cnf: { jkt: device.jkt } });
    const row = await insertCredential(tx, {
      id: credentialId,
      subscriptionId: sub.id,
      validFrom: window.validFrom,
      validTo: window.validTo,
      zoneIds,
      keyId: keys.currentKid,
      jws,
      cose: '',
      deviceJkt: device.jkt,
      issuedAt: now,
    });
    const cose = await signCredential(
      {
        ticketNumber: sub.ticketNumber,
        statusIndex: row.statusIndex,
        holder: claims.holder,
        zoneCodes: zoneIds.map((z) => zoneCodes.get(z) ?? 0),
        categoryId: sub.categoryId,
        nbf: claims.nbf,
        exp: claims.exp,
        deviceKey: device.key,
      },
      keys.currentKid8,
      keys.signBytes,
    );
    const coseText = toBase64url(cose);
    await tx.update(ticketCredentials).set({ cose: coseText }).where(eq(ticketCredentials.id, row.id));
    await revokeOverlapping(tx, {
      subscriptionId: sub.id,
      keepId: row.id,
      from: window.validFrom,
      to: window.validTo,
      now,
    });
    issued.push(row.id);
    out.push({ ...row, cose: coseText });
  }
  // A wallet fetching its credentials is a read: a log line, never the audit log (issue 16 item 7).
  if (issued.length > 0) {
    ctx.log.info(
      { subscriptionId: sub.id, credentialIds: issued, keyId: keys.currentKid, deviceJkt: device.jkt },
      'ticket credentials issued',
    );
  }
  return out;
}
