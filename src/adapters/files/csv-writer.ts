import { stringify } from 'csv-stringify/sync';

/**
 * A cell of a CSV export, typed by the caller:
 * - `string`: text. One starting with `=`, `+`, `-`, `@`, tab or CR is neutralised with a leading
 *   `'` (OWASP "CSV injection"), so a spreadsheet shows it instead of evaluating it.
 * - `number`: a real number, written as a number (a negative one too), never neutralised.
 * - `{ ore }`: an amount in øre, written in kroner with two decimals.
 * - `{ numberText }`: a number as the person typed it ("00789"): written as typed when it is a plain
 *   decimal number, otherwise treated as text.
 * - `null`/`undefined`: an empty cell.
 */
export type CsvCell = string | number | { ore: number } | { numberText: string } | null | undefined;

export type CsvOptions = {
  /** `;` for Norwegian spreadsheets (default), `,` for GTFS files. */
  delimiter?: ';' | ',';
  /** A decimal comma (Norwegian spreadsheets) instead of a point. */
  decimalComma?: boolean;
  /** A UTF-8 byte order mark first, so Excel reads UTF-8 (default true). */
  bom?: boolean;
  /**
   * Neutralise formula triggers (default true: every file a person may open in a spreadsheet).
   * False only for data files read by other systems (GTFS), where `'` would change the value.
   */
  formulaGuard?: boolean;
};

/** A formula trigger first, after any apostrophes (so a cell that really starts with ' round-trips). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** OWASP: a text cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula when a file is read back: `'=x` → `=x`, `''=x` → `'=x`; others unchanged. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function cellText(cell: CsvCell, decimalComma: boolean, guard: (s: string) => string): string {
  const point = (s: string) => (decimalComma ? s.replace('.', ',') : s.replace(',', '.'));
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? point(String(cell)) : '';
  if (typeof cell === 'string') return guard(cell);
  if ('ore' in cell) {
    const sign = cell.ore < 0 ? '-' : '';
    const abs = Math.abs(cell.ore);
    return point(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
  }
  return PLAIN_NUMBER.test(cell.numberText) ? point(cell.numberText) : guard(cell.numberText);
}

/**
 * The one CSV writer of the product: every CSV export (payroll basis, invoice, catalog files)
 * goes through it, so no export can write a formula or a broken row. RFC 4180 quoting
 * (csv-stringify; a cell with the delimiter, a quote or any line break is quoted), CRLF rows.
 */
export function writeCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  const { delimiter = ';', decimalComma = false, bom = true, formulaGuard = true } = options;
  const guard = formulaGuard ? neutraliseFormula : (s: string) => s;
  const text = stringify(
    rows.map((r) => r.map((c) => cellText(c, decimalComma, guard))),
    { delimiter, record_delimiter: 'windows', quoted_match: /[\r\n"]/ },
  );
  return bom ? `\uFEFF${text}` : text;
}
