import { and, eq, gt, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { type CatalogSnapshot, loadCatalog } from '../../db/repositories/catalog';
import { categories, prices, zones } from '../../db/schema';
import { compareDates, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import {
  type CatalogFileInput,
  type CatalogFileName,
  type Encodings,
  type ImportError,
  type ParsedCatalog,
  parseCatalogFiles,
} from './gtfs-files';
import { markCatalogEdited } from './mark-edited';

/** What an import adds, changes and deactivates (zones, categories) or removes (prices ahead). */
export interface CatalogChanges {
  zones: { added: string[]; changed: string[]; deactivated: string[] };
  categories: { added: string[]; changed: string[]; deactivated: string[] };
  prices: { added: number; changed: number; removed: number };
}

export interface ImportCatalogResult {
  dryRun: boolean;
  zones: number;
  categories: number;
  prices: number;
  encodings: Encodings;
  /** What the import does (dry run) or did; null when the files have errors. */
  changes: CatalogChanges | null;
  /** Every row error (only a dry run returns them; an import throws IMPORT_INVALID with them). */
  errors: ImportError[];
}

/**
 * Imports the catalog from the three GTFS-Fares-v2-shaped files, all or nothing. Zones and
 * categories missing from the files are deactivated, never deleted. Prices: the files are the
 * truth for dates ahead; prices already in force must be unchanged (unless the catalog is still
 * the shipped example, which the first real import replaces). Files come as bytes (their encoding
 * detected, returned per file in `encodings`) or as text.
 *
 * `dryRun` writes nothing and returns the preview: each file's encoding, the changes the import
 * would make and every row error (a 200 even when there are errors, so the page can show them).
 */
export async function importCatalog(
  ctx: AppContext,
  input: {
    actor: OperatorActor;
    files: Partial<Record<CatalogFileName, CatalogFileInput>>;
    dryRun?: boolean;
  },
): Promise<ImportCatalogResult> {
  const parsed = parseCatalogFiles(input.files);
  const { encodings } = parsed;
  const today = osloToday(ctx.clock.now());
  if (input.dryRun) {
    if (!parsed.ok) return failedPreview(parsed.errors, encodings);
    const before = await loadCatalog(ctx.db);
    const errors = before.isExample ? [] : changedHistory(before.prices, parsed.catalog, today);
    if (errors.length > 0) return failedPreview(errors, encodings);
    return {
      dryRun: true,
      ...counts(parsed.catalog),
      encodings,
      changes: catalogChanges(before, parsed.catalog, today),
      errors: [],
    };
  }
  if (!parsed.ok) throw new AppError('IMPORT_INVALID', { details: { errors: parsed.errors } });
  const { catalog } = parsed;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadCatalog(tx);
    const errors = before.isExample ? [] : changedHistory(before.prices, catalog, today);
    if (errors.length > 0) throw new AppError('IMPORT_INVALID', { details: { errors } });
    const changes = catalogChanges(before, catalog, today);
    await upsertZones(tx, catalog);
    await upsertCategories(tx, catalog);
    if (before.isExample) await tx.delete(prices);
    else await tx.delete(prices).where(gt(prices.validFrom, today));
    const isFresh = (p: PriceKey) =>
      before.isExample || compareDates(p.validFrom, today) > 0 || !sameStored(before.prices, p);
    const fresh = catalog.prices.filter(isFresh);
    if (fresh.length > 0) {
      await tx
        .insert(prices)
        .values(
          fresh.map(({ row: _row, ...p }) => ({ ...p, createdBy: input.actor.userId, createdAt: now })),
        );
    }
    // A price in force stays as it is; the file's product id and name are kept on it for the export.
    for (const p of catalog.prices.filter((x) => !isFresh(x))) {
      await tx
        .update(prices)
        .set({ fareProductId: p.fareProductId, fareProductName: p.fareProductName })
        .where(
          and(
            eq(prices.categoryId, p.categoryId),
            eq(prices.zoneCount, p.zoneCount),
            eq(prices.validFrom, p.validFrom),
          ),
        );
    }
    await markCatalogEdited(tx, now);
    const summary = counts(catalog);
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'catalog.imported',
      entityType: 'catalog',
      entityId: 'catalog',
      before: {
        zones: before.zones.length,
        categories: before.categories.length,
        prices: before.prices.length,
      },
      after: summary,
    });
    return { dryRun: false, ...summary, encodings, changes, errors: [] };
  });
}

function counts(catalog: ParsedCatalog) {
  return {
    zones: catalog.zones.length,
    categories: catalog.categories.length,
    prices: catalog.prices.length,
  };
}

function failedPreview(errors: ImportError[], encodings: Encodings): ImportCatalogResult {
  return { dryRun: true, zones: 0, categories: 0, prices: 0, encodings, changes: null, errors };
}

type Named = { id: string; name: string; active: boolean; nameEn?: string };

/** Ids added, changed (name, English name or active) and deactivated (active, not in the file). */
function namedChanges(stored: Named[], incoming: Named[]) {
  const byId = new Map(stored.map((x) => [x.id, x]));
  const ids = new Set(incoming.map((x) => x.id));
  return {
    added: incoming.filter((x) => !byId.has(x.id)).map((x) => x.id),
    changed: incoming
      .filter((x) => {
        const old = byId.get(x.id);
        return (
          !!old && (old.name !== x.name || old.active !== x.active || (old.nameEn ?? '') !== (x.nameEn ?? ''))
        );
      })
      .map((x) => x.id),
    deactivated: stored.filter((x) => x.active && !ids.has(x.id)).map((x) => x.id),
  };
}

/**
 * What committing `catalog` over `before` does. Prices: added (no stored price for the category,
 * zone count and date), changed (another amount), removed (stored ahead of today, or any while
 * the catalog is the example, and not in the files).
 */
function catalogChanges(before: CatalogSnapshot, catalog: ParsedCatalog, today: string): CatalogChanges {
  const key = (p: PriceKey) => JSON.stringify([p.categoryId, p.zoneCount, p.validFrom]);
  const stored = new Map(before.prices.map((p) => [key(p), p]));
  const incoming = new Set(catalog.prices.map(key));
  return {
    zones: namedChanges(before.zones, catalog.zones),
    categories: namedChanges(before.categories, catalog.categories),
    prices: {
      added: catalog.prices.filter((p) => !stored.has(key(p))).length,
      changed: catalog.prices.filter((p) => {
        const old = stored.get(key(p));
        return !!old && old.monthlyPriceOre !== p.monthlyPriceOre;
      }).length,
      removed: before.prices.filter(
        (p) => !incoming.has(key(p)) && (before.isExample || compareDates(p.validFrom, today) > 0),
      ).length,
    },
  };
}

type PriceKey = { categoryId: string; zoneCount: number; validFrom: string };

function sameStored(stored: PriceKey[], p: PriceKey) {
  return stored.some(
    (s) => s.categoryId === p.categoryId && s.zoneCount === p.zoneCount && s.validFrom === p.validFrom,
  );
}

/** A price in force (valid from today or earlier) may only be repeated as it is. */
function changedHistory(
  stored: { categoryId: string; zoneCount: number; validFrom: string; monthlyPriceOre: number }[],
  catalog: ParsedCatalog,
  today: string,
): ImportError[] {
  return catalog.prices
    .filter((p) => compareDates(p.validFrom, today) <= 0)
    .filter(
      (p) =>
        !stored.some(
          (s) =>
            s.categoryId === p.categoryId &&
            s.zoneCount === p.zoneCount &&
            s.validFrom === p.validFrom &&
            s.monthlyPriceOre === p.monthlyPriceOre,
        ),
    )
    .map((p) => ({
      file: 'fare_products.txt' as const,
      row: p.row,
      column: 'valid_from',
      problem: 'price_in_force_changed' as const,
      value: p.validFrom,
    }));
}

async function upsertZones(tx: Tx, catalog: ParsedCatalog) {
  for (const [i, z] of catalog.zones.entries()) {
    await tx
      .insert(zones)
      .values({ ...z, sortOrder: i })
      .onConflictDoUpdate({ target: zones.id, set: { name: z.name, active: z.active, sortOrder: i } });
  }
  const ids = catalog.zones.map((z) => z.id);
  await tx
    .update(zones)
    .set({ active: false })
    .where(ids.length ? notInArray(zones.id, ids) : undefined);
}

async function upsertCategories(tx: Tx, catalog: ParsedCatalog) {
  for (const [i, c] of catalog.categories.entries()) {
    await tx
      .insert(categories)
      .values({
        id: c.id,
        name: c.name,
        nameEn: c.nameEn,
        active: c.active,
        isDefaultFareCategory: c.isDefault,
        sortOrder: i,
      })
      .onConflictDoUpdate({
        target: categories.id,
        set: {
          name: c.name,
          nameEn: c.nameEn,
          active: c.active,
          isDefaultFareCategory: c.isDefault,
          sortOrder: i,
        },
      });
  }
  const ids = catalog.categories.map((c) => c.id);
  await tx
    .update(categories)
    .set({ active: false })
    .where(and(ids.length ? notInArray(categories.id, ids) : undefined, eq(categories.active, true)));
}
