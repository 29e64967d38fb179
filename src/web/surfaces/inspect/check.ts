import { calculateJwkThumbprint, importJWK } from 'jose';
import { verifyStatusList } from '../../../domain/status-list';
import { type CodeReason, type IssuerKey, kid8OfThumbprint, verifyCode } from '../../../domain/ticket-code';
import { ApiError, api } from '../../api';
import type { InspectionData } from './keys';

/** One verdict (issue 13): the server's when it answers, else this device's from its cached data. */
export interface CheckResult {
  valid: boolean;
  reason?: CodeReason;
  holder: { firstName: string; lastName: string } | null;
  zoneIds: string[];
  categoryId: string | null;
  validFrom: string | null;
  validTo: string | null;
  ticketNumber: string | null;
  /** Whether the server gave the verdict (false: offline, by the cached keys and revocation list). */
  online: boolean;
}

async function issuerKeys(data: InspectionData): Promise<IssuerKey[]> {
  return Promise.all(
    data.jwks.keys.map(async (jwk) => ({
      kid8: kid8OfThumbprint(await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x })),
      key: (await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey,
    })),
  );
}

/** The verdict of this device alone: keys, device proof, freshness and the cached revocation list. */
export async function checkOffline(code: string, data: InspectionData, now: Date): Promise<CheckResult> {
  const list = await verifyStatusList(data.statusList, data.jwks);
  const r = await verifyCode(code, {
    issuerKeys: await issuerKeys(data),
    now,
    freshnessSeconds: data.freshnessSeconds,
    isRevoked: (i) => list?.isRevoked(i) ?? null,
  });
  const c = r.claims;
  return {
    valid: r.valid,
    ...(r.valid ? {} : { reason: r.reason }),
    holder: c?.holder ?? null,
    zoneIds: c ? c.zoneCodes.map((z) => data.zoneIdsByCode[String(z)] ?? String(z)) : [],
    categoryId: c?.categoryId ?? null,
    validFrom: c ? new Date(c.nbf * 1000).toISOString() : null,
    validTo: c ? new Date((c.exp - 1) * 1000).toISOString() : null,
    ticketNumber: null,
    online: false,
  };
}

interface ServerVerdict {
  valid: boolean;
  reason?: CodeReason;
  holder: { firstName: string; lastName: string } | null;
  zoneIds: string[] | null;
  categoryId: string | null;
  validFrom: string | null;
  validTo: string | null;
  ticketNumber: string | null;
}

function fromServer(v: ServerVerdict): CheckResult {
  return {
    valid: v.valid,
    ...(v.reason ? { reason: v.reason } : {}),
    holder: v.holder,
    zoneIds: v.zoneIds ?? [],
    categoryId: v.categoryId,
    validFrom: v.validFrom,
    validTo: v.validTo,
    ticketNumber: v.ticketNumber,
    online: true,
  };
}

/**
 * Checks a scanned or typed code: asks the server when the network answers (it knows revocations
 * made after the cached list), else decides offline. Either way one verdict.
 */
export async function checkCode(code: string, data: InspectionData, now: Date): Promise<CheckResult> {
  const offline = await checkOffline(code, data, now);
  if (!navigator.onLine) return offline;
  try {
    return fromServer(await api.post<ServerVerdict>('/api/inspection/verify', { code: code.trim() }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) return offline;
    throw error;
  }
}

/** The verdict for a typed ticket number (inspector login; online only). */
export async function checkNumber(ticketNumber: string): Promise<CheckResult> {
  return fromServer(
    await api.get<ServerVerdict>(`/api/inspection/tickets/${encodeURIComponent(ticketNumber.trim())}`),
  );
}
