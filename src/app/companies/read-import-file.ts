import ExcelJS from 'exceljs';
import type { TextEncoding } from '../../adapters/files/decode-text';
import { readTextTable } from '../../adapters/files/read-table';
import { AppError } from '../../domain/errors';

/**
 * A file to import: a CSV file's bytes as base64 (decoded on the server, see readTextTable), CSV
 * text already decoded (API clients), or an XLSX workbook as base64 (first sheet).
 */
export type ImportFile = { csvBase64: string } | { csv: string } | { xlsxBase64: string };

/**
 * The file's table: the header row, then data rows with their line numbers in the file, and the
 * text encoding it was read in (null for XLSX, which carries its own).
 */
export type ImportTable = {
  header: string[];
  rows: { line: number; cells: string[] }[];
  encoding: TextEncoding | null;
};

export const MAX_IMPORT_ROWS = 2000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function parseXlsx(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('IMPORT_INVALID', { details: { reason: 'unreadable_file' } });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[rowNumber - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
  });
  return Array.from(rows, (r) => r ?? []);
}

async function readTable(file: ImportFile): Promise<{ all: string[][]; encoding: TextEncoding | null }> {
  if ('xlsxBase64' in file) return { all: await parseXlsx(file.xlsxBase64), encoding: null };
  const bytes = 'csv' in file ? Buffer.from(file.csv, 'utf8') : Buffer.from(file.csvBase64, 'base64');
  const table = readTextTable(bytes);
  const all: string[][] = [];
  for (const row of table.rows) all[row.line - 1] = row.cells;
  return { all: Array.from(all, (r) => r ?? []), encoding: table.encoding };
}

/** Reads the file into a header and non-empty data rows (line numbers as a spreadsheet shows them). */
export async function readImportFile(file: ImportFile): Promise<ImportTable> {
  const { all, encoding } = await readTable(file);
  const headerIndex = all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new AppError('IMPORT_INVALID', { details: { reason: 'empty_file' } });
  const header = all[headerIndex]!.map((c) => c.trim());
  const rows = all
    .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }))
    .slice(headerIndex + 1)
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) throw new AppError('IMPORT_INVALID', { details: { reason: 'no_rows' } });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('IMPORT_INVALID', { details: { reason: 'too_many_rows', max: MAX_IMPORT_ROWS } });
  }
  return { header, rows, encoding };
}
