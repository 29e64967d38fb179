export type VersionPrice = { categoryId: string; zoneCount: 1 | 2 | 3; monthlyPriceOre: number };
export type OperatorCatalog = {
  today: string;
  isExample: boolean;
  maxPricedZones: number;
  zones: { id: string; name: string; active: boolean }[];
  categories: { id: string; name: string; nameEn: string; active: boolean }[];
  versions: { validFrom: string; state: 'past' | 'current' | 'future'; prices: VersionPrice[] }[];
};
export const CATALOG_PATH = '/api/operator/catalog';
export const ZONE_COUNTS = [1, 2, 3] as const;

/** Every price of every version, as the domain's price lookup wants them. */
export function allPrices(catalog: OperatorCatalog) {
  return catalog.versions.flatMap((v) => v.prices.map((p) => ({ ...p, validFrom: v.validFrom })));
}
