import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import {
  addDays,
  compareDates,
  firstDayOfMonth,
  type IsoDate,
  isValidOn,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
  osloToday,
} from './calendar';
import { ticketValidity } from './subscription';

/**
 * Rule 7: the signed ticket. One credential (compact JWS, EdDSA) covers one ticket period: the
 * current month ∩ [start, end] ∩ the zone set in force, from 00:00 Oslo to 23:59:59 Oslo. It is
 * reissued on a zone change and at each new month; a revocation cuts it at the revocation instant.
 *
 * Payload (JSON, JWT-style): `tid` ticket (subscription) id, `jti` credential id, `holder`,
 * `zoneIds`, `categoryId`, `iat`, `nbf` (first valid second) and `exp` (RFC 7519: the first second
 * it is no longer valid, so a ticket valid "until 23:59:59" carries exp = the next midnight).
 *
 * This module is shared by the server and the inspection page in the browser (jose runs on
 * Web Crypto in both), so both give the same answer for the same credential and clock.
 */

export type TicketStatus = 'upcoming' | 'valid' | 'ended';

export type VerifyReason =
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'unknown_key'
  | 'malformed'
  | 'revoked';

export interface TicketWindow {
  validFrom: Date;
  /** The last valid second (inclusive); null = open-ended. */
  validTo: Date | null;
}

export interface TicketClaims {
  tid: string;
  jti: string;
  holder: { firstName: string; lastName: string };
  zoneIds: string[];
  categoryId: string;
  iat: number;
  nbf: number;
  exp: number;
}

/** Status of a window at an instant: before validFrom upcoming, after the last valid second ended. */
export function statusAt(window: TicketWindow, now: Date): TicketStatus {
  if (now.getTime() < window.validFrom.getTime()) return 'upcoming';
  if (window.validTo !== null && now.getTime() >= lastSecondEnd(window.validTo)) return 'ended';
  return 'valid';
}

function lastSecondEnd(validTo: Date): number {
  return Math.floor(validTo.getTime() / 1000) * 1000 + 1000;
}

export interface TicketDates {
  startDate: IsoDate;
  endDate: IsoDate | null;
  revokedAt: Date | null;
}

/** The whole ticket (not one period): start 00:00 Oslo to end 23:59:59 Oslo, or the revocation. */
export function ticketWindow(t: TicketDates): TicketWindow {
  const { validFrom, validTo } = ticketValidity(t.startDate, t.endDate, t.revokedAt);
  return { validFrom, validTo: validTo === null ? null : truncateToSecond(validTo) };
}

/** Revoked now counts at once (the instant, not the end of that second). */
export function ticketStatus(t: TicketDates, now: Date): TicketStatus {
  if (t.revokedAt !== null && t.revokedAt.getTime() <= now.getTime()) {
    return now.getTime() < ticketWindow(t).validFrom.getTime() ? 'upcoming' : 'ended';
  }
  return statusAt(ticketWindow(t), now);
}

/**
 * The verdict on a ticket looked up by its number (issue 13 item 6): valid while the subscription
 * is approved and the ticket's window holds `now`; else why not, in the inspection's reasons —
 * not yet started, ended by its end date (`expired`), or ended early, cancelled (`revoked`).
 */
export function numberVerdict(
  t: TicketDates & { state: 'pending' | 'approved' | 'rejected' | 'cancelled' },
  now: Date,
): { valid: true } | { valid: false; reason: 'not_yet_valid' | 'expired' | 'revoked' } {
  if (t.state !== 'approved') return { valid: false, reason: 'revoked' };
  if (t.revokedAt !== null && t.revokedAt.getTime() <= now.getTime())
    return { valid: false, reason: 'revoked' };
  const status = ticketStatus(t, now);
  if (status === 'valid') return { valid: true };
  return { valid: false, reason: status === 'upcoming' ? 'not_yet_valid' : 'expired' };
}

/** The day the period is chosen by: today, held inside [from, to]. */
export function referenceDate(from: IsoDate, to: IsoDate | null, today: IsoDate): IsoDate {
  const atLeastFrom = maxDate(from, today);
  return to === null ? atLeastFrom : minDate(atLeastFrom, maxDate(from, to));
}

export interface PeriodInput {
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** The zone set the credential carries, and the dates it is in force (validTo inclusive). */
  zoneFrom: IsoDate;
  zoneTo: IsoDate | null;
}

/** The ticket period for `today`: its month ∩ [start, end] ∩ [zoneFrom, zoneTo], as dates. */
export function credentialPeriod(p: PeriodInput, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = maxDate(p.startDate, p.zoneFrom);
  const to = p.endDate === null ? p.zoneTo : p.zoneTo === null ? p.endDate : minDate(p.endDate, p.zoneTo);
  const month = monthOf(referenceDate(from, to, today));
  const periodFrom = maxDate(from, firstDayOfMonth(month));
  const monthEnd = lastDayOfMonth(month);
  const periodTo = to === null ? monthEnd : minDate(to, monthEnd);
  // A zone set that ended before the subscription started still yields a (never valid) period.
  return { from: periodFrom, to: compareDates(periodTo, periodFrom) < 0 ? periodFrom : periodTo };
}

/** The credential's window: 00:00 Oslo of the first day to 23:59:59 Oslo of the last, or revocation. */
export function credentialWindow(
  period: { from: IsoDate; to: IsoDate },
  revokedAt: Date | null,
): { validFrom: Date; validTo: Date } {
  const { validFrom, validTo } = ticketValidity(period.from, period.to, revokedAt);
  return { validFrom, validTo: truncateToSecond(validTo ?? validFrom) };
}

function truncateToSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** The claims for a window (exp is exclusive, one second after the last valid second). */
export function buildClaims(input: {
  ticketId: string;
  credentialId: string;
  holder: { firstName: string; lastName: string };
  zoneIds: string[];
  categoryId: string;
  window: { validFrom: Date; validTo: Date };
  issuedAt: Date;
}): TicketClaims {
  return {
    tid: input.ticketId,
    jti: input.credentialId,
    holder: { firstName: input.holder.firstName, lastName: input.holder.lastName },
    zoneIds: [...input.zoneIds],
    categoryId: input.categoryId,
    iat: Math.floor(input.issuedAt.getTime() / 1000),
    nbf: Math.floor(input.window.validFrom.getTime() / 1000),
    exp: Math.floor(input.window.validTo.getTime() / 1000) + 1,
  };
}

/** validFrom / validTo (last valid second) of verified claims. */
export function claimsWindow(c: TicketClaims): { validFrom: Date; validTo: Date } {
  return { validFrom: new Date(c.nbf * 1000), validTo: new Date((c.exp - 1) * 1000) };
}

/** Whether two credentials say the same thing (ignoring their own id and issue time). */
export function sameTicketContent(a: TicketClaims, b: TicketClaims): boolean {
  return (
    a.tid === b.tid &&
    a.holder.firstName === b.holder.firstName &&
    a.holder.lastName === b.holder.lastName &&
    a.categoryId === b.categoryId &&
    a.nbf === b.nbf &&
    a.exp === b.exp &&
    a.zoneIds.length === b.zoneIds.length &&
    a.zoneIds.every((z, i) => z === b.zoneIds[i])
  );
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isSeconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The claims of a payload, or null when it is not a ticket credential's payload. */
export function parseClaims(payload: unknown): TicketClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const holder = p.holder as Record<string, unknown> | null | undefined;
  if (!isString(p.tid) || !isString(p.jti) || !isString(p.categoryId)) return null;
  if (typeof holder !== 'object' || holder === null) return null;
  if (typeof holder.firstName !== 'string' || typeof holder.lastName !== 'string') return null;
  if (!Array.isArray(p.zoneIds) || p.zoneIds.length === 0 || !p.zoneIds.every(isString)) return null;
  if (!isSeconds(p.iat) || !isSeconds(p.nbf) || !isSeconds(p.exp) || p.exp <= p.nbf) return null;
  return {
    tid: p.tid,
    jti: p.jti,
    holder: { firstName: holder.firstName, lastName: holder.lastName },
    zoneIds: p.zoneIds as string[],
    categoryId: p.categoryId,
    iat: p.iat,
    nbf: p.nbf,
    exp: p.exp,
  };
}

/** Window check of verified claims at an instant. */
export function windowReason(c: TicketClaims, now: Date): 'not_yet_valid' | 'expired' | null {
  const t = now.getTime();
  if (t < c.nbf * 1000) return 'not_yet_valid';
  if (t >= c.exp * 1000) return 'expired';
  return null;
}

export type OfflineVerification =
  | { valid: true; claims: TicketClaims }
  | { valid: false; reason: 'expired' | 'not_yet_valid'; claims: TicketClaims }
  | { valid: false; reason: 'bad_signature' | 'unknown_key' | 'malformed'; claims: null };

export interface Jwks {
  keys: JWK[];
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_CREDENTIAL_LENGTH = 8192;

/**
 * Verifies a compact JWS against the operator's public keys and the clock, without a network:
 * malformed → unknown_key → bad_signature → (claims) malformed → not_yet_valid / expired.
 */
export async function verifyOffline(credential: string, jwks: Jwks, now: Date): Promise<OfflineVerification> {
  const jws = credential.trim();
  if (jws.length > MAX_CREDENTIAL_LENGTH || !COMPACT_JWS.test(jws)) return failed('malformed');
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return failed('malformed');
  }
  const jwk = typeof header.kid === 'string' ? jwks.keys.find((k) => k.kid === header.kid) : undefined;
  if (!jwk) return failed('unknown_key');
  if (header.alg !== 'EdDSA') return failed('bad_signature');
  let payload: Uint8Array;
  try {
    const key = await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    ({ payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] }));
  } catch {
    return failed('bad_signature');
  }
  const claims = parseClaims(parseJson(payload));
  if (!claims) return failed('malformed');
  const reason = windowReason(claims, now);
  return reason ? { valid: false, reason, claims } : { valid: true, claims };
}

function failed(reason: 'bad_signature' | 'unknown_key' | 'malformed'): OfflineVerification {
  return { valid: false, reason, claims: null };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** A zone set of the register: the zones from `validFrom` through `validTo` (inclusive; null = open). */
export interface RegisterZoneSet {
  zoneIds: string[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/**
 * The zone set in force on `date`: the newest set valid that day; else the newest that had begun
 * (after the end, the last one); before the first, the first one.
 */
export function zoneSetInForce<T extends RegisterZoneSet>(sets: T[], date: IsoDate): T | undefined {
  const inForce = sets.filter((z) => isValidOn(z.validFrom, z.validTo, date));
  if (inForce.length > 0) return inForce[inForce.length - 1];
  const started = sets.filter((z) => compareDates(z.validFrom, date) <= 0);
  return started[started.length - 1] ?? sets[0];
}

/** What the register says about a ticket now, as far as its issued credentials are concerned. */
export interface TicketRegister extends TicketDates {
  state: 'pending' | 'approved' | 'rejected' | 'cancelled';
  zoneSets: RegisterZoneSet[];
}

/**
 * Issue 13 (H1, H2): why an issued credential no longer agrees with the register, or null when it
 * does. A credential is one Oslo day (or a part of one); it is out when the ticket is no longer
 * approved, the day lies before the start or after the (planned) end, it reaches past an early
 * revocation, or it carries a zone the register does not give the ticket on that day (a zone cut,
 * now or from a later date). A credential that carries fewer zones than the register stays true.
 * The same answer drives the revocation list (offline) and the online check.
 */
export function credentialOutsideRegister(
  credential: { validFrom: Date; validTo: Date | null; zoneIds: string[] },
  register: TicketRegister,
): 'ended' | 'zones' | null {
  if (register.state !== 'approved') return 'ended';
  // An open-ended credential (none is issued so any more) is out as soon as the ticket has an end.
  if (credential.validTo === null && (register.endDate !== null || register.revokedAt !== null))
    return 'ended';
  const validTo = credential.validTo ?? credential.validFrom;
  const first = osloToday(credential.validFrom);
  const last = osloToday(validTo);
  if (compareDates(first, register.startDate) < 0) return 'ended';
  if (register.endDate !== null && compareDates(last, register.endDate) > 0) return 'ended';
  if (register.revokedAt !== null && validTo.getTime() > register.revokedAt.getTime()) return 'ended';
  for (let day = first; compareDates(day, last) <= 0; day = addDays(day, 1)) {
    const zones = zoneSetInForce(register.zoneSets, day)?.zoneIds ?? [];
    if (credential.zoneIds.some((z) => !zones.includes(z))) return 'zones';
  }
  return null;
}
