import { signingKeysFor } from '../../adapters/signing-keys';
import { sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import type { SubscriptionWithZones } from '../../db/repositories/subscriptions';
import {
  DEFAULT_TICKET_SETTINGS,
  forgetExpiredProofs,
  movesSince,
  readTicketSettings,
} from '../../db/repositories/ticket-devices';
import {
  type CredentialRow,
  lockByTicketTokenHash,
  readTicketView,
  type TicketNames,
  type TicketView,
  ticketNames,
} from '../../db/repositories/tickets';
import { firstOfMonth, maxDate, osloToday, startOfDayOslo } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import {
  credentialOutsideRegister,
  type TicketStatus,
  ticketStatus,
  ticketWindow,
  zoneSetInForce,
} from '../../domain/ticket';
import { formatTicketNumber } from '../../domain/ticket-number';
import type { AppContext } from '../context';
import { zoneSetOn } from '../subscriptions/to-dto';
import { checkProof, type ProofInput, proofJtiHash } from './device-proof';
import { credentialDays, issueCredentials, reusableCredential } from './issue-credential';

/** One day's credential as the wallet draws it: the COSE_Sign1 bytes (base64url) and its window. */
export interface CodeCredentialDto {
  credential: string;
  validFrom: string;
  validTo: string;
}

/** The contract's ticket object plus what the wallet shows and needs to draw the QR code. */
export interface TicketDto {
  status: TicketStatus;
  validFrom: string;
  validTo: string | null;
  holder: { firstName: string; lastName: string };
  zoneIds: string[];
  categoryId: string;
  /** Today's credential (compact JWS, EdDSA, cnf.jkt = the device key); null without a proof of the bound key. */
  credential: string | null;
  credentialValidFrom: string | null;
  credentialValidTo: string | null;
  /** Today's and the next days' credentials in QR form, for this device only. */
  codes: CodeCredentialDto[];
  /** Where the ticket is activated: on the device that proved the key, another one, or none yet. */
  device: 'this' | 'other' | 'none';
  movesLeft: number;
  freshnessSeconds: number;
  /** Null for a browser that does not hold the ticket (bound to another device). */
  ticketNumber: string | null;
  serverTime: string;
  startDate: string;
  endDate: string | null;
  companyName: string;
  category: { id: string; name: string; nameEn: string };
  zones: { id: string; name: string }[];
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

type TicketRow = SubscriptionWithZones & { ticketNumber: number };

/** The approved ticket of a link token, locked; TICKET_NOT_FOUND for anything else. */
export async function lockTicket(tx: Tx, token: string): Promise<TicketRow> {
  if (!TOKEN.test(token)) throw new AppError('TICKET_NOT_FOUND');
  const sub = await lockByTicketTokenHash(tx, sha256(token));
  if (sub?.state !== 'approved') throw new AppError('TICKET_NOT_FOUND');
  return sub;
}

/** Moves left this Oslo month under the operator's limit. */
export async function movesLeft(tx: Tx, sub: TicketRow, now: Date): Promise<number> {
  const { movesPerMonth } = await readTicketSettings(tx);
  const used = await movesSince(tx, sub.id, startOfDayOslo(firstOfMonth(osloToday(now))));
  return Math.max(0, movesPerMonth - used);
}

/** Sweeps forgotten DPoP jtis at most this often per process (a seen jti only ever refuses more). */
const PROOF_SWEEP_MS = 10_000;
let lastProofSweep = 0;

/**
 * Opens a ticket by the link's token (rule 7, issue 13). Only an approved subscription has a
 * ticket: pending, rejected and cancelled ones answer TICKET_NOT_FOUND (404), like a wrong token.
 * Credentials come only with a DPoP proof of the key the ticket is bound to; otherwise the same
 * ticket with `credential: null` and no codes.
 *
 * Issue 17 item 2: the proof's signature is checked first (no I/O), then one statement reads the
 * ticket and remembers the proof's jti (a replay is refused by any process). When every day's
 * credential is stored and still agrees with the register, that is the whole request; otherwise
 * the row is locked and the credentials are settled and issued as before.
 */
export async function getTicket(
  ctx: AppContext,
  input: { token: string; proof: ProofInput },
): Promise<TicketDto> {
  const now = ctx.clock.now();
  if (!TOKEN.test(input.token)) throw new AppError('TICKET_NOT_FOUND');
  const proof = input.proof.proof ? await checkProof(input.proof, now) : null;
  const view = await readTicketView(ctx.db, {
    tokenHash: sha256(input.token),
    proof: proof?.ok ? { jtiHash: proofJtiHash(proof), forgetAt: new Date(proof.freshUntil * 1000) } : null,
    now,
    monthStart: startOfDayOslo(firstOfMonth(osloToday(now))),
  });
  if (Math.abs(now.getTime() - lastProofSweep) > PROOF_SWEEP_MS) {
    lastProofSweep = now.getTime();
    await forgetExpiredProofs(ctx.db, now);
  }
  if (view?.sub.state !== 'approved') throw new AppError('TICKET_NOT_FOUND');
  const check = proof?.ok && !view.proofFresh ? ({ ok: false, reason: 'replayed' } as const) : proof;
  // RFC 9449 §8: a proof that is only out of time is answered with a nonce to retry with.
  if (check?.ok === false && check.reason === 'use_dpop_nonce')
    throw new AppError('DPOP_PROOF_INVALID', { details: { reason: check.reason } });
  const device = check?.ok === true && view.sub.deviceJkt === check.jkt ? check : null;
  let credentials: CredentialRow[] = [];
  if (device) {
    const stored = await storedCredentials(ctx, view, device.jkt, now);
    if (stored === null) {
      // A credential to issue or to revoke: the write path, on the locked row.
      return ctx.db.transaction(async (tx) => {
        const sub = await lockTicket(tx, input.token);
        return ticketDto(tx, ctx, sub, sub.deviceJkt === device.jkt ? device : null, now);
      });
    }
    credentials = stored;
  }
  const zoneIds =
    zoneSetInForce(view.sub.zoneSets, maxDate(osloToday(now), view.sub.startDate))?.zoneIds ?? [];
  const settings = view.settings ?? DEFAULT_TICKET_SETTINGS;
  return composeTicketDto(view.sub, {
    credentials,
    device: device !== null,
    zoneIds,
    names: {
      companyName: view.companyName,
      category: view.category,
      zones: zoneIds.map((id) => ({ id, name: view.zoneNames.get(id) ?? id })),
    },
    movesLeft: Math.max(0, settings.movesPerMonth - view.movesUsed),
    freshnessSeconds: settings.freshnessSeconds,
    now,
  });
}

/**
 * Every day's credential from the stored ones, when each is there to be handed out again and no
 * live one has fallen outside the register (settleCredentials would revoke it); else null.
 */
async function storedCredentials(
  ctx: AppContext,
  view: TicketView,
  jkt: string,
  now: Date,
): Promise<CredentialRow[] | null> {
  if (view.live.some((c) => credentialOutsideRegister(c, view.sub) !== null)) return null;
  const keys = await signingKeysFor(ctx.config);
  const out: CredentialRow[] = [];
  for (const { claims } of credentialDays(view.sub, now)) {
    const row = reusableCredential(view.live, claims, keys.currentKid, jkt);
    if (!row) return null;
    out.push(row);
  }
  return out;
}

/** The ticket as the wallet sees it; credentials are issued when `device` is the bound key. */
export async function ticketDto(
  tx: Tx,
  ctx: AppContext,
  sub: TicketRow,
  device: { jkt: string; jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string } } | null,
  now: Date,
): Promise<TicketDto> {
  const credentials = device
    ? await issueCredentials(tx, ctx, sub, { jkt: device.jkt, key: device.jwk }, now)
    : [];
  const zoneIds = zoneSetOn(sub.zoneSets, maxDate(osloToday(now), sub.startDate))?.zoneIds ?? [];
  const names = await ticketNames(tx, { companyId: sub.companyId, categoryId: sub.categoryId, zoneIds });
  const settings = await readTicketSettings(tx);
  return composeTicketDto(sub, {
    credentials,
    device: device !== null,
    zoneIds,
    names,
    movesLeft: await movesLeft(tx, sub, now),
    freshnessSeconds: settings.freshnessSeconds,
    now,
  });
}

/** The wallet's ticket object from what was read; `device`: the request proved the bound key. */
function composeTicketDto(
  sub: {
    firstName: string;
    lastName: string;
    categoryId: string;
    startDate: string;
    endDate: string | null;
    revokedAt: Date | null;
    deviceJkt: string | null;
    ticketNumber: number;
  },
  parts: {
    credentials: CredentialRow[];
    device: boolean;
    zoneIds: string[];
    names: TicketNames;
    movesLeft: number;
    freshnessSeconds: number;
    now: Date;
  },
): TicketDto {
  const { credentials, device, now } = parts;
  const today = credentials.find((c) => c.validFrom.getTime() <= now.getTime()) ?? credentials[0] ?? null;
  const window = ticketWindow(sub);
  return {
    status: ticketStatus(sub, now),
    validFrom: window.validFrom.toISOString(),
    validTo: window.validTo?.toISOString() ?? null,
    holder: { firstName: sub.firstName, lastName: sub.lastName },
    zoneIds: parts.zoneIds,
    categoryId: sub.categoryId,
    credential: today?.jws ?? null,
    credentialValidFrom: today?.validFrom.toISOString() ?? null,
    credentialValidTo: today?.validTo?.toISOString() ?? null,
    codes: credentials.map((c) => ({
      credential: c.cose,
      validFrom: c.validFrom.toISOString(),
      validTo: (c.validTo ?? c.validFrom).toISOString(),
    })),
    device: sub.deviceJkt === null ? 'none' : device ? 'this' : 'other',
    movesLeft: parts.movesLeft,
    freshnessSeconds: parts.freshnessSeconds,
    // The number is for an inspector's lookup: never to a browser the ticket is not on (hostile
    // check M2: with the link alone it worked as a bearer pass).
    ticketNumber: device || sub.deviceJkt === null ? formatTicketNumber(sub.ticketNumber) : null,
    serverTime: now.toISOString(),
    startDate: sub.startDate,
    endDate: sub.endDate,
    ...parts.names,
  };
}
