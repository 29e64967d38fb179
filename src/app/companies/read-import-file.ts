import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors';

/** A file to import: CSV text, or an XLSX workbook as base64 (first sheet). */
export type ImportFile = { csv: string } | { xlsxBase64: string };

/** The file's table: the header row, then data rows with their line numbers in the file. */
export type ImportTable = { header: string[]; rows: { line: number; cells: string[] }[] };

export const MAX_IMPORT_ROWS = 2000;

function delimiterOf(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => ({ d, n: headerLine.split(d).length }));
  return counts.sort((a, b) => b.n - a.n)[0]!.d;
}

/** RFC 4180 CSV with ; , or tab (detected from the header), quotes and "" escapes. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(source.split(/\r?\n/, 1)[0] ?? '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

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

/** Reads the file into a header and non-empty data rows (line numbers as a spreadsheet shows them). */
export async function readImportFile(file: ImportFile): Promise<ImportTable> {
  const all = 'csv' in file ? parseCsv(file.csv) : await parseXlsx(file.xlsxBase64);
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
  return { header, rows };
}
