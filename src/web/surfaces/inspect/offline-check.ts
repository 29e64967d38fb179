import { calculateJwkThumbprint, importJWK } from 'jose';
import { verifyStatusList } from '../../../domain/status-list';
import { type CodeReason, type IssuerKey, kid8OfThumbprint, verifyCode } from '../../../domain/ticket-code';
import type { InspectionData } from './keys';

/**
 * Offline, with no revocation list or one past its `exp`: the code holds up in every other way,
 * but whether it was revoked cannot be told here (issue 13, M1). Never shown as valid.
 */
export type UndecidedReason = 'status_list_expired';

/** One verdict (issue 13): the server's when it answers, else this device's from its cached data. */
export interface CheckResult {
  valid: boolean;
  reason?: CodeReason | UndecidedReason;
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

/**
 * The verdict of this device alone: keys, device proof, freshness and the cached revocation list.
 * A code that passes all but the list, while the list is missing or past its `exp`, is
 * `status_list_expired`: it cannot be decided offline.
 */
export async function checkOffline(code: string, data: InspectionData, now: Date): Promise<CheckResult> {
  const verified = await verifyStatusList(data.statusList, data.jwks);
  const list = verified && now.getTime() < verified.expiresAt.getTime() ? verified : null;
  const r = await verifyCode(code, {
    issuerKeys: await issuerKeys(data),
    now,
    freshnessSeconds: data.freshnessSeconds,
    isRevoked: (i) => list?.isRevoked(i) ?? null,
  });
  const c = r.claims;
  const undecided = r.valid && list === null;
  return {
    valid: r.valid && !undecided,
    ...(undecided ? { reason: 'status_list_expired' as const } : r.valid ? {} : { reason: r.reason }),
    holder: c?.holder ?? null,
    zoneIds: c ? c.zoneCodes.map((z) => data.zoneIdsByCode[String(z)] ?? String(z)) : [],
    categoryId: c?.categoryId ?? null,
    validFrom: c ? new Date(c.nbf * 1000).toISOString() : null,
    validTo: c ? new Date((c.exp - 1) * 1000).toISOString() : null,
    ticketNumber: null,
    online: false,
  };
}
