import type { TextEncoding } from '../../adapters/files/decode-text';
import { readTextTable, type TableRow } from '../../adapters/files/read-table';
import { isInputDate, isIsoDate } from '../../domain/calendar';
import {
  type Category,
  isCatalogId,
  MAX_CATALOG_ID_LENGTH,
  type PricedZoneCount,
  type PriceVersion,
  type Zone,
} from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { normaliseText, type TextProblem, type TextRule } from '../../domain/text';

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
  | 'year_out_of_range'
  | 'price_conflict'
  | 'missing_price'
  | 'price_in_force_changed'
  // A cell the text boundary refuses (src/domain/text.ts), as the API refuses the same text.
  | Exclude<TextProblem, 'required' | 'email_invalid' | 'pattern' | 'name_characters'>;

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
  categories: (Category & { isDefault: boolean })[];
  prices: ImportedPrice[];
}

/** A price with the row it came from and that row's GTFS product id and name (name may be empty). */
export type ImportedPrice = PriceVersion & { row: number; fareProductId: string; fareProductName: string };

/**
 * The columns a file must have. area_name is optional in GTFS (the area_id is then the name);
 * zone_count and valid_from are ours.
 */
const REQUIRED: Record<CatalogFileName, string[]> = {
  'areas.txt': ['area_id'],
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

/** A zone or category id: the rule of the API's catalog ids (one line, 1–64 characters, isCatalogId). */
const ID_RULE: TextRule = { max: MAX_CATALOG_ID_LENGTH, min: 1 };
/** A zone or category name: the rule of the API's names. */
const NAME_RULE: TextRule = { max: 100, min: 1 };
/** Any other cell (amounts, flags, dates, product names): one line of clean text. */
const CELL_RULE: TextRule = { max: 200 };

/** A catalog file as uploaded: its bytes (decoded on the server), or text already decoded. */
export type CatalogFileInput = Uint8Array | string;

/**
 * One data row. `cell` puts the column's text through the text boundary (normaliseText with
 * `rule`) and returns it, or records the problem at this row and column and returns null.
 */
type Row = {
  line: number;
  cell(column: string, rule?: TextRule): string | null;
  cellRaw(column: string): string;
};
type Table = { file: CatalogFileName; names: string[]; rows: Row[] };

/** The file's rows through the one reader of uploaded files; FILE_UNREADABLE names the file. */
function readRows(file: CatalogFileName, input: CatalogFileInput, encodings: Encodings): TableRow[] {
  try {
    // GTFS files are data, not spreadsheets: a leading ' is part of the value (no formula guard).
    const t = readTextTable(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, {
      restoreFormulas: false,
    });
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

export type Encodings = Partial<Record<CatalogFileName, TextEncoding>>;

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
    cellRaw: (column: string) => {
      const i = names.indexOf(column);
      return i < 0 ? '' : (r.cells[i] ?? '');
    },
    cell: (column: string, rule: TextRule = CELL_RULE) => {
      const i = names.indexOf(column);
      const result = normaliseText(i < 0 ? '' : (r.cells[i] ?? ''), rule);
      if (result.ok) return result.value;
      errors.push({ file, row: r.line, column, problem: result.problem as ImportProblem });
      return null;
    },
  }));
  return { file, names, rows };
}

/** GTFS-style flags: `active` is 1 when empty, `is_default_fare_category` 0. */
function flag(value: string, empty: boolean): boolean | null {
  if (value === '') return empty;
  if (value === '1') return true;
  return value === '0' ? false : null;
}

/** NOK with at most two decimals ("814", "814.5", "814.50") to øre. */
export function nokToOre(value: string): number | null {
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(value);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A date as YYYY-MM-DD or GTFS's YYYYMMDD; the problem when it is no date or outside 2000–2099. */
function inputDate(value: string): { ok: true; date: string } | { ok: false; problem: ImportProblem } {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : value;
  if (isInputDate(iso)) return { ok: true, date: iso };
  return { ok: false, problem: isIsoDate(iso) ? 'year_out_of_range' : 'invalid_date' };
}

type ErrorAt = (column: string, problem: ImportProblem, value?: string) => void;

function errorAt(t: Table, r: Row, errors: ImportError[]): ErrorAt {
  return (column, problem, value) =>
    errors.push({ file: t.file, row: r.line, column, problem, ...(value === undefined ? {} : { value }) });
}

/** A zone or category id through the text boundary and the API's id rule; null when refused (error recorded). */
function readId(r: Row, column: string, at: ErrorAt): string | null {
  const id = r.cell(column, ID_RULE);
  if (id === null) return null;
  if (!isCatalogId(id)) {
    at(column, 'invalid_id', id);
    return null;
  }
  return id;
}

function readNamed<T extends { id: string; name: string; active: boolean }>(
  t: Table,
  errors: ImportError[],
  columns: { id: string; name: string; nameOptional?: boolean },
  extra: (row: Row, base: { id: string; name: string; active: boolean }, at: ErrorAt) => T,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  const hasName = t.names.includes(columns.name);
  for (const r of t.rows) {
    const at = errorAt(t, r, errors);
    const id = readId(r, columns.id, at);
    if (id !== null && seen.has(id)) at(columns.id, 'duplicate', id);
    if (id !== null) seen.add(id);
    const given = hasName ? r.cell(columns.name, { ...NAME_RULE, min: columns.nameOptional ? 0 : 1 }) : '';
    const name = given === '' && columns.nameOptional ? id : given;
    const activeText = r.cell('active');
    const active = activeText === null ? null : flag(activeText, true);
    if (activeText !== null && active === null) at('active', 'invalid_flag', activeText);
    if (id === null || name === null || active === null) continue;
    out.push(extra(r, { id, name, active }, at));
  }
  return out;
}

/**
 * Checks the three files row by row, every cell through the text boundary; returns the catalog
 * (and the encoding each file was read in) or every problem found (with the encodings read). A
 * file that is not text throws FILE_UNREADABLE.
 */
export function parseCatalogFiles(
  files: Partial<Record<CatalogFileName, CatalogFileInput>>,
):
  | { ok: true; catalog: ParsedCatalog; encodings: Encodings }
  | { ok: false; errors: ImportError[]; encodings: Encodings } {
  const errors: ImportError[] = [];
  const encodings: Encodings = {};
  const areas = table('areas.txt', files['areas.txt'], errors, encodings);
  const riders = table('rider_categories.txt', files['rider_categories.txt'], errors, encodings);
  const products = table('fare_products.txt', files['fare_products.txt'], errors, encodings);
  const zones = areas
    ? readNamed<Zone>(areas, errors, { id: 'area_id', name: 'area_name', nameOptional: true }, (_r, b) => b)
    : [];
  const categories = riders
    ? readNamed(riders, errors, { id: 'rider_category_id', name: 'rider_category_name' }, (r, b, at) => {
        const nameEn = r.cell('rider_category_name_en', { ...NAME_RULE, min: 0 });
        const defaultText = r.cell('is_default_fare_category');
        const isDefault = defaultText === null ? false : flag(defaultText, false);
        if (defaultText !== null && isDefault === null)
          at('is_default_fare_category', 'invalid_flag', defaultText);
        return { ...b, nameEn: nameEn || b.name, isDefault: isDefault ?? false };
      })
    : [];
  const categoryIds = riders ? readIds(riders, 'rider_category_id') : new Set<string>();
  const prices = products && riders ? readPrices(products, categoryIds, errors) : [];
  if (products && riders) checkComplete(categories, prices, errors);
  if (errors.length > 0 || !areas || !riders || !products) return { ok: false, errors, encodings };
  return { ok: true, catalog: { zones, categories, prices }, encodings };
}

/** The ids a file names (as the boundary reads them), for checking references to them. */
function readIds(t: Table, column: string): Set<string> {
  const ids = new Set<string>();
  for (const r of t.rows) {
    const id = normaliseText(r.cellRaw(column), ID_RULE);
    if (id.ok) ids.add(id.value);
  }
  return ids;
}

/** GTFS's primary key of fare_products.txt, named in a duplicate's error. */
const PRODUCT_KEY = ['fare_product_id', 'rider_category_id', 'fare_media_id'] as const;

function readPrices(t: Table, categoryIds: Set<string>, errors: ImportError[]) {
  const productKeys = new Set<string>();
  const priced = new Map<string, ImportedPrice>();
  for (const r of t.rows) {
    const at = errorAt(t, r, errors);
    const productId = r.cell('fare_product_id', ID_RULE);
    if (productId !== null && !isCatalogId(productId)) at('fare_product_id', 'invalid_id', productId);
    const productName = r.cell('fare_product_name');
    const mediaId = r.cell('fare_media_id', { ...ID_RULE, min: 0 });
    if (mediaId && !isCatalogId(mediaId)) at('fare_media_id', 'invalid_id', mediaId);
    const categoryId = r.cell('rider_category_id', ID_RULE);
    if (categoryId !== null && !categoryIds.has(categoryId))
      at('rider_category_id', 'unknown_category', categoryId);
    const amountText = r.cell('amount');
    const amount = amountText === null ? null : nokToOre(amountText);
    if (amountText !== null && (amount === null || amount <= 0)) at('amount', 'invalid_amount', amountText);
    const currency = r.cell('currency');
    if (currency !== null && currency !== 'NOK') at('currency', 'invalid_currency', currency);
    const zoneText = r.cell('zone_count');
    const zoneCount = Number(zoneText);
    if (zoneText !== null && ![1, 2, 3].includes(zoneCount)) at('zone_count', 'invalid_zone_count', zoneText);
    const dateText = r.cell('valid_from');
    const date = dateText === null ? null : inputDate(dateText);
    if (date && !date.ok) at('valid_from', date.problem, dateText ?? '');
    const validFrom = date?.ok ? date.date : null;
    if (productId === null || mediaId === null || categoryId === null || !validFrom) continue;
    // GTFS's primary key (product, rider category, fare media), within one price version.
    const productKey = JSON.stringify([productId, categoryId, mediaId, validFrom]);
    if (productKeys.has(productKey)) {
      at(
        'fare_product_id',
        'duplicate',
        `${PRODUCT_KEY.join(', ')} = ${[productId, categoryId, mediaId].join(', ')}`,
      );
    }
    productKeys.add(productKey);
    if (!amount || ![1, 2, 3].includes(zoneCount)) continue;
    // One price per category, zone count and date (our model); the same price on several fare
    // media or products is one, a different one is a conflict named at its amount.
    const priceKey = JSON.stringify([categoryId, zoneCount, validFrom]);
    const same = priced.get(priceKey);
    if (same && same.monthlyPriceOre !== amount) at('amount', 'price_conflict', amountText ?? '');
    if (!same) {
      priced.set(priceKey, {
        categoryId,
        zoneCount: zoneCount as PricedZoneCount,
        monthlyPriceOre: amount,
        validFrom,
        row: r.line,
        fareProductId: productId,
        fareProductName: productName ?? '',
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
