import { signingKeysFor } from '../../adapters/signing-keys';
import {
  readTicketSettings,
  revokedStatusIndices,
  zoneCodeTable,
} from '../../db/repositories/ticket-devices';
import { bitString, STATUS_LIST_TYP, statusListClaims } from '../../domain/status-list';
import type { AppContext } from '../context';

/** How often inspectors should fetch the list (ttl) and how long a copy is taken as current. */
export const STATUS_LIST_TTL_SECONDS = 300;
export const STATUS_LIST_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * The operator's signed revocation list (issue 13; Token Status List pattern, see
 * src/domain/status-list.ts): one bit per credential, set for every unexpired credential that was
 * replaced, moved to another device, or whose ticket ended early or was cancelled.
 */
export async function publishStatusList(ctx: AppContext): Promise<{ token: string; issuedAt: string }> {
  const now = ctx.clock.now();
  const { revoked, size } = await revokedStatusIndices(ctx.db, now);
  const claims = await statusListClaims({
    uri: `${ctx.config.publicUrl}/api/inspection/status-list`,
    bits: bitString(revoked, size),
    issuedAt: now,
    ttlSeconds: STATUS_LIST_TTL_SECONDS,
    lifetimeSeconds: STATUS_LIST_LIFETIME_SECONDS,
  });
  const keys = await signingKeysFor(ctx.config);
  return { token: await keys.sign(claims, STATUS_LIST_TYP), issuedAt: now.toISOString() };
}

/** What an inspection device caches to check offline: the list, the freshness window, the zone codes. */
export async function inspectionOfflineData(ctx: AppContext) {
  const [list, settings, zones] = await Promise.all([
    publishStatusList(ctx),
    readTicketSettings(ctx.db),
    zoneCodeTable(ctx.db),
  ]);
  return {
    statusList: list.token,
    issuedAt: list.issuedAt,
    freshnessSeconds: settings.freshnessSeconds,
    zones: zones.sort((a, b) => a.code - b.code),
  };
}
