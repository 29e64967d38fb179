import { decodeJwt } from 'jose';
import type { Jwks } from '../../../domain/ticket';

/**
 * What the inspection device caches for offline checks (issue 13): the operator's public keys,
 * the signed revocation list with its issue time, the freshness window, and the names of zones
 * (by the codes the QR uses) and categories.
 */
export interface InspectionData {
  jwks: Jwks;
  statusList: string;
  statusListIssuedAt: string;
  freshnessSeconds: number;
  zones: Record<string, string>;
  zoneIdsByCode: Record<string, string>;
  categories: Record<string, { name: string; nameEn: string }>;
  fetchedAt: string;
}

const KEY = 'bedriftsbillett.inspect.v2';

export function cachedData(): InspectionData | null {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as InspectionData | null;
    return data && Array.isArray(data.jwks?.keys) && typeof data.statusList === 'string' ? data : null;
  } catch {
    return null;
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

type Catalog = { categories: { id: string; name: string; nameEn: string }[] };
type Offline = {
  statusList: string;
  issuedAt: string;
  freshnessSeconds: number;
  zones: { code: number; id: string; name: string }[];
};

/** The shortest time between two fetches of the list, whatever its `ttl` says. */
export const LIST_REFRESH_FLOOR_SECONDS = 30;

/**
 * When the cached revocation list should be fetched again (its `ttl`, at least 30 s) and when it
 * runs out (`exp`), read from the list itself (its signature is checked when it is used).
 */
export function listTiming(data: InspectionData): { ttlSeconds: number; expiresAt: Date | null } {
  try {
    const claims = decodeJwt(data.statusList);
    const ttl = typeof claims.ttl === 'number' ? claims.ttl : 300;
    return {
      ttlSeconds: Math.max(LIST_REFRESH_FLOOR_SECONDS, ttl),
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null,
    };
  } catch {
    return { ttlSeconds: LIST_REFRESH_FLOOR_SECONDS, expiresAt: null };
  }
}

/** Fetches keys, revocation list and names and caches them; throws when offline. */
export async function refreshData(now: Date): Promise<InspectionData> {
  const [jwks, offline, catalog] = await Promise.all([
    getJson<Jwks>('/.well-known/jwks.json'),
    getJson<Offline>('/api/inspection/offline-data'),
    getJson<Catalog>('/api/catalog'),
  ]);
  const data: InspectionData = {
    jwks,
    statusList: offline.statusList,
    statusListIssuedAt: offline.issuedAt,
    freshnessSeconds: offline.freshnessSeconds,
    zones: Object.fromEntries(offline.zones.map((z) => [z.id, z.name])),
    zoneIdsByCode: Object.fromEntries(offline.zones.map((z) => [String(z.code), z.id])),
    categories: Object.fromEntries(catalog.categories.map((c) => [c.id, { name: c.name, nameEn: c.nameEn }])),
    fetchedAt: now.toISOString(),
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // Storage disabled: the data lasts while the page is open.
  }
  return data;
}
