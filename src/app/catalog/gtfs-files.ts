import { isIsoDate } from '../../domain/calendar';
import type { Category, PricedZoneCount, PriceVersion, Zone } from '../../domain/catalog';
import { type CsvRow, parseCsv } from './csv';

/**
 * The catalog as CSV files shaped like GTFS Fares v2: areas.txt (zones), rider_categories.txt
 * (traveller categories) and fare_products.txt (monthly prices), with our extra columns
 * zone_count and valid_from on fare_products.txt (and active / rider_category_name_en).
 */
export const CATALOG_FILES = ['areas.txt', 'rider_categories.txt', 'fare_products.txt'] as const;
export type CatalogFileName = (typeof CATALOG_FILES)[number];

export type ImportProblem =
  | 'missing_file'
  | 'missing_column'
  | 'required'
  | 'duplicate'
  | 'invalid_id'
  | 'invalid_flag'
  | 'unknown_category'
  | 'invalid_amount'
  | 'invalid_currency'
  | 'invalid_zone_count'
  | 'invalid_date'
  | 'missing_price'
  | 'price_in_force_changed';

/** One problem, named by file, row (spreadsheet numbering: the header is row 1) and column. */
export interface ImportError {
  file: CatalogFileName;
  row: number | null;
  column: string | null;
  problem: ImportProblem;
  value?: string;
}

export interface ParsedCatalog {
  zones: Zone[];
  categories: Category[];
  prices: (PriceVersion & { row: number })[];
}

const REQUIRED: Record<CatalogFileName, string[]> = {
  'areas.txt': ['area_id', 'area_name'],
  'rider_categories.txt': ['rider_category_id', 'rider_category_name'],
  'fare_products.txt': [
    'fare_product_id',
    'rider_category_id',
    'amount',
    'currency',
    'zone_count',
    'valid_from',
  ],
};

type Table = { file: CatalogFileName; rows: { line: number; get(column: string): string }[] };

function table(file: CatalogFileName, text: string | undefined, errors: ImportError[]): Table | null {
  if (text === undefined || text.trim() === '') {
    errors.push({ file, row: null, column: null, problem: 'missing_file' });
    return null;
  }
  const [header, ...body] = parseCsv(text);
  const names = (header?.cells ?? []).map((c) => c.trim());
  const missing = REQUIRED[file].filter((c) => !names.includes(c));
  for (const column of missing) errors.push({ file, row: 1, column, problem: 'missing_column' });
  if (missing.length > 0) return null;
  const rows = body.map((r: CsvRow) => ({
    line: r.line,
    get: (column: string) => {
      const i = names.indexOf(column);
      return i < 0 ? '' : (r.cells[i] ?? '').trim();
    },
  }));
  return { file, rows };
}

const ID = /^[\p{L}\p{N}_.:-]{1,64}$/u;

function flag(value: string): boolean | null {
  if (value === '' || value === '1') return true;
  return value === '0' ? false : null;
}

/** NOK with at most two decimals ("814", "814.5", "814.50") to øre. */
export function nokToOre(value: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function isoDate(value: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value;
  return isIsoDate(iso) ? iso : null;
}

function readNamed<T extends { id: string; name: string; active: boolean }>(
  t: Table,
  idColumn: string,
  nameColumn: string,
  errors: ImportError[],
  extra: (row: Table['rows'][number], base: Omit<T, never>) => T = (_r, b) => b,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of t.rows) {
    const at = (column: string, problem: ImportProblem, value?: string) =>
      errors.push({ file: t.file, row: r.line, column, problem, ...(value === undefined ? {} : { value }) });
    const id = r.get(idColumn);
    const name = r.get(nameColumn);
    const active = flag(r.get('active'));
    if (id === '') at(idColumn, 'required');
    else if (!ID.test(id)) at(idColumn, 'invalid_id', id);
    else if (seen.has(id)) at(idColumn, 'duplicate', id);
    if (name === '') at(nameColumn, 'required');
    if (active === null) at('active', 'invalid_flag', r.get('active'));
    seen.add(id);
    out.push(extra(r, { id, name, active: active ?? true } as T));
  }
  return out;
}

/** Checks the three files row by row; returns the catalog or every problem found. */
export function parseCatalogFiles(
  files: Partial<Record<CatalogFileName, string>>,
): { ok: true; catalog: ParsedCatalog } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const areas = table('areas.txt', files['areas.txt'], errors);
  const riders = table('rider_categories.txt', files['rider_categories.txt'], errors);
  const products = table('fare_products.txt', files['fare_products.txt'], errors);
  const zones = areas ? readNamed<Zone>(areas, 'area_id', 'area_name', errors) : [];
  const categories = riders
    ? readNamed<Category>(riders, 'rider_category_id', 'rider_category_name', errors, (r, b) => ({
        ...b,
        nameEn: r.get('rider_category_name_en') || b.name,
      }))
    : [];
  const prices = products && riders ? readPrices(products, new Set(categories.map((c) => c.id)), errors) : [];
  if (products && riders) checkComplete(categories, prices, errors);
  if (errors.length > 0 || !areas || !riders || !products) return { ok: false, errors };
  return { ok: true, catalog: { zones, categories, prices } };
}

function readPrices(t: Table, categoryIds: Set<string>, errors: ImportError[]) {
  const seen = new Set<string>();
  const ids = new Set<string>();
  const out: (PriceVersion & { row: number })[] = [];
  for (const r of t.rows) {
    const at = (column: string, problem: ImportProblem, value?: string) =>
      errors.push({ file: t.file, row: r.line, column, problem, ...(value === undefined ? {} : { value }) });
    const productId = r.get('fare_product_id');
    if (productId === '') at('fare_product_id', 'required');
    else if (ids.has(productId)) at('fare_product_id', 'duplicate', productId);
    ids.add(productId);
    const categoryId = r.get('rider_category_id');
    if (categoryId === '') at('rider_category_id', 'required');
    else if (!categoryIds.has(categoryId)) at('rider_category_id', 'unknown_category', categoryId);
    const amount = nokToOre(r.get('amount'));
    if (amount === null || amount <= 0) at('amount', 'invalid_amount', r.get('amount'));
    if (r.get('currency') !== 'NOK') at('currency', 'invalid_currency', r.get('currency'));
    const zoneCount = Number(r.get('zone_count'));
    if (![1, 2, 3].includes(zoneCount)) at('zone_count', 'invalid_zone_count', r.get('zone_count'));
    const validFrom = isoDate(r.get('valid_from'));
    if (!validFrom) at('valid_from', 'invalid_date', r.get('valid_from'));
    const key = `${categoryId}|${zoneCount}|${validFrom}`;
    if (validFrom && seen.has(key)) at('valid_from', 'duplicate', r.get('valid_from'));
    seen.add(key);
    if (amount && validFrom && [1, 2, 3].includes(zoneCount)) {
      out.push({
        categoryId,
        zoneCount: zoneCount as PricedZoneCount,
        monthlyPriceOre: amount,
        validFrom,
        row: r.line,
      });
    }
  }
  return out;
}

/** Every active category needs a price for 1, 2 and 3+ zones, or ordering it would fail. */
function checkComplete(categories: Category[], prices: PriceVersion[], errors: ImportError[]) {
  for (const c of categories.filter((x) => x.active)) {
    for (const n of [1, 2, 3]) {
      if (!prices.some((p) => p.categoryId === c.id && p.zoneCount === n)) {
        errors.push({
          file: 'fare_products.txt',
          row: null,
          column: 'zone_count',
          problem: 'missing_price',
          value: `${c.id} ${n}`,
        });
      }
    }
  }
}
