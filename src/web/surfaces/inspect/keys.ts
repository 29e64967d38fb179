import type { Jwks } from '../../../domain/ticket';

/** The operator's public keys and the catalog's names, cached on the device for offline checks. */
export interface InspectionData {
  jwks: Jwks;
  zones: Record<string, string>;
  categories: Record<string, { name: string; nameEn: string }>;
  fetchedAt: string;
}

const KEY = 'bedriftsbillett.inspect.v1';

export function cachedData(): InspectionData | null {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as InspectionData | null;
    return data && Array.isArray(data.jwks?.keys) ? data : null;
  } catch {
    return null;
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

type Catalog = {
  zones: { id: string; name: string }[];
  categories: { id: string; name: string; nameEn: string }[];
};

/** Fetches the JWKS and the catalog names and caches them; throws when offline. */
export async function refreshData(now: Date): Promise<InspectionData> {
  const [jwks, catalog] = await Promise.all([
    getJson<Jwks>('/.well-known/jwks.json'),
    getJson<Catalog>('/api/catalog'),
  ]);
  const data: InspectionData = {
    jwks,
    zones: Object.fromEntries(catalog.zones.map((z) => [z.id, z.name])),
    categories: Object.fromEntries(catalog.categories.map((c) => [c.id, { name: c.name, nameEn: c.nameEn }])),
    fetchedAt: now.toISOString(),
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // Storage disabled: the keys last while the page is open.
  }
  return data;
}
