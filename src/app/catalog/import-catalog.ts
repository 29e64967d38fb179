import { and, eq, gt, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { loadCatalog } from '../../db/repositories/catalog';
import { categories, prices, zones } from '../../db/schema';
import { compareDates, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import {
  type CatalogFileInput,
  type CatalogFileName,
  type ImportError,
  type ParsedCatalog,
  parseCatalogFiles,
} from './gtfs-files';
import { markCatalogEdited } from './mark-edited';

/**
 * Imports the catalog from the three GTFS-Fares-v2-shaped files, all or nothing. Zones and
 * categories missing from the files are deactivated, never deleted. Prices: the files are the
 * truth for dates ahead; prices already in force must be unchanged (unless the catalog is still
 * the shipped example, which the first real import replaces). Files come as bytes (their encoding
 * detected, returned per file in `encodings`) or as text.
 */
export async function importCatalog(
  ctx: AppContext,
  input: { actor: OperatorActor; files: Partial<Record<CatalogFileName, CatalogFileInput>> },
) {
  const parsed = parseCatalogFiles(input.files);
  if (!parsed.ok) throw new AppError('IMPORT_INVALID', { details: { errors: parsed.errors } });
  const { catalog } = parsed;
  const now = ctx.clock.now();
  const today = osloToday(now);
  return ctx.db.transaction(async (tx) => {
    const before = await loadCatalog(tx);
    const errors = before.isExample ? [] : changedHistory(before.prices, catalog, today);
    if (errors.length > 0) throw new AppError('IMPORT_INVALID', { details: { errors } });
    await upsertZones(tx, catalog);
    await upsertCategories(tx, catalog);
    if (before.isExample) await tx.delete(prices);
    else await tx.delete(prices).where(gt(prices.validFrom, today));
    const fresh = catalog.prices.filter(
      (p) => before.isExample || compareDates(p.validFrom, today) > 0 || !sameStored(before.prices, p),
    );
    if (fresh.length > 0) {
      await tx
        .insert(prices)
        .values(
          fresh.map(({ row: _row, ...p }) => ({ ...p, createdBy: input.actor.userId, createdAt: now })),
        );
    }
    await markCatalogEdited(tx, now);
    const summary = {
      zones: catalog.zones.length,
      categories: catalog.categories.length,
      prices: catalog.prices.length,
    };
    const { encodings } = parsed;
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
    return { ...summary, encodings };
  });
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
      .values({ ...c, sortOrder: i })
      .onConflictDoUpdate({
        target: categories.id,
        set: { name: c.name, nameEn: c.nameEn, active: c.active, sortOrder: i },
      });
  }
  const ids = catalog.categories.map((c) => c.id);
  await tx
    .update(categories)
    .set({ active: false })
    .where(and(ids.length ? notInArray(categories.id, ids) : undefined, eq(categories.active, true)));
}
