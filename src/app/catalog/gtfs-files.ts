import type { TextEncoding } from '../../adapters/files/decode-text';
import { readTextTable, type TableRow } from '../../adapters/files/read-table';
import { isIsoDate } from '../../domain/calendar';
import {
  type Category,
  isCatalogId,
  type PricedZoneCount,
  type PriceVersion,
  type Zone,
} from '../../domain/catalog';
import { AppError } from '../../domain/errors';

/**
 * The catalog as CSV files shaped like GTFS Fares v2: areas.txt (zones), rider_categories.txt
 * (traveller categories) and fare_products.txt (monthly prices), with our extra columns
 * zone_count and valid_from on fare_products.txt (and active / rider_category_name_en).
 * IDs are free-form UTF-8 (isCatalogId). fare_products.txt's primary key is GTFS's
 * (fare_product_id, rider_category_id, fare_media_id), plus our valid_from: one product id may
 * price several rider categories, as real feeds do.
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

/** A catalog file as uploaded: its bytes (decoded on the server), or text already decoded. */
export type CatalogFileInput = Uint8Array | string;

type Table = { file: CatalogFileName; rows: { line: number; get(column: string): string }[] };

/** The file's rows through the one reader of uploaded files; FILE_UNREADABLE names the file. */
function readRows(file: CatalogFileName, input: CatalogFileInput, encodings: Encodings): TableRow[] {
  try {
    const t = readTextTable(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
    encodings[file] = t.encoding;
    return t.rows;
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_UNREADABLE') {
      throw new AppError('FILE_UNREADABLE', {
        details: { ...(error.details as object), field: `files.${file}`, file },
      });
    }
    throw error;
  }
}

type Encodings = Partial<Record<CatalogFileName, TextEncoding>>;

function table(
  file: CatalogFileName,
  input: CatalogFileInput | undefined,
  errors: ImportError[],
  encodings: Encodings,
): Table | null {
  const rowsRead = input === undefined ? [] : readRows(file, input, encodings);
  if (rowsRead.length === 0) {
    errors.push({ file, row: null, column: null, problem: 'missing_file' });
    return null;
  }
  const [header, ...body] = rowsRead;
  const names = (header?.cells ?? []).map((c) => c.trim());
  const missing = REQUIRED[file].filter((c) => !names.includes(c));
  for (const column of missing) errors.push({ file, row: 1, column, problem: 'missing_column' });
  if (missing.length > 0) return null;
  const rows = body.map((r: TableRow) => ({
    line: r.line,
    get: (column: string) => {
      const i = names.indexOf(column);
      return i < 0 ? '' : (r.cells[i] ?? '').trim().normalize('NFC');
    },
  }));
  return { file, rows };
}

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
    else if (!isCatalogId(id)) at(idColumn, 'invalid_id', id);
    else if (seen.has(id)) at(idColumn, 'duplicate', id);
    if (name === '') at(nameColumn, 'required');
    if (active === null) at('active', 'invalid_flag', r.get('active'));
    seen.add(id);
    out.push(extra(r, { id, name, active: active ?? true } as T));
  }
  return out;
}

/**
 * Checks the three files row by row; returns the catalog (and the encoding each file was read
 * in) or every problem found. A file that is not text throws FILE_UNREADABLE.
 */
export function parseCatalogFiles(
  files: Partial<Record<CatalogFileName, CatalogFileInput>>,
): { ok: true; catalog: ParsedCatalog; encodings: Encodings } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const encodings: Encodings = {};
  const areas = table('areas.txt', files['areas.txt'], errors, encodings);
  const riders = table('rider_categories.txt', files['rider_categories.txt'], errors, encodings);
  const products = table('fare_products.txt', files['fare_products.txt'], errors, encodings);
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
  return { ok: true, catalog: { zones, categories, prices }, encodings };
}

function readPrices(t: Table, categoryIds: Set<string>, errors: ImportError[]) {
  const productKeys = new Set<string>();
  const priced = new Map<string, PriceVersion & { row: number }>();
  for (const r of t.rows) {
    const at = (column: string, problem: ImportProblem, value?: string) =>
      errors.push({ file: t.file, row: r.line, column, problem, ...(value === undefined ? {} : { value }) });
    const productId = r.get('fare_product_id');
    const categoryId = r.get('rider_category_id');
    const mediaId = r.get('fare_media_id');
    if (productId === '') at('fare_product_id', 'required');
    else if (!isCatalogId(productId)) at('fare_product_id', 'invalid_id', productId);
    if (mediaId !== '' && !isCatalogId(mediaId)) at('fare_media_id', 'invalid_id', mediaId);
    if (categoryId === '') at('rider_category_id', 'required');
    else if (!categoryIds.has(categoryId)) at('rider_category_id', 'unknown_category', categoryId);
    const amount = nokToOre(r.get('amount'));
    if (amount === null || amount <= 0) at('amount', 'invalid_amount', r.get('amount'));
    if (r.get('currency') !== 'NOK') at('currency', 'invalid_currency', r.get('currency'));
    const zoneCount = Number(r.get('zone_count'));
    if (![1, 2, 3].includes(zoneCount)) at('zone_count', 'invalid_zone_count', r.get('zone_count'));
    const validFrom = isoDate(r.get('valid_from'));
    if (!validFrom) at('valid_from', 'invalid_date', r.get('valid_from'));
    // GTFS's primary key (product, rider category, fare media) within one price version.
    const productKey = JSON.stringify([productId, categoryId, mediaId, validFrom]);
    if (productId !== '' && productKeys.has(productKey)) at('fare_product_id', 'duplicate', productId);
    productKeys.add(productKey);
    if (!amount || !validFrom || ![1, 2, 3].includes(zoneCount)) continue;
    // One price per category, zone count and date; the same price on several fare media is one.
    const priceKey = JSON.stringify([categoryId, zoneCount, validFrom]);
    const same = priced.get(priceKey);
    if (same && same.monthlyPriceOre !== amount) at('valid_from', 'duplicate', r.get('valid_from'));
    if (!same) {
      priced.set(priceKey, {
        categoryId,
        zoneCount: zoneCount as PricedZoneCount,
        monthlyPriceOre: amount,
        validFrom,
        row: r.line,
      });
    }
  }
  return [...priced.values()];
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
