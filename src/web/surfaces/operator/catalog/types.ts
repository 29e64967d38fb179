import type { OperatorCatalogDto } from '../../../../app/catalog/get-operator-catalog';

/** The catalog as GET /api/operator/catalog returns it (the server's DTO; types only). */
export type OperatorCatalog = OperatorCatalogDto;
export type VersionPrice = OperatorCatalog['versions'][number]['prices'][number];
export const CATALOG_PATH = '/api/operator/catalog';
export const ZONE_COUNTS = [1, 2, 3] as const;

/** Every price of every version, as the domain's price lookup wants them. */
export function allPrices(catalog: OperatorCatalog) {
  return catalog.versions.flatMap((v) => v.prices.map((p) => ({ ...p, validFrom: v.validFrom })));
}
