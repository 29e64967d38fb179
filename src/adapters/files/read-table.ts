import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain/errors';
import { restoreNeutralised } from './csv-writer';
import { type DecodedText, decodeText, type TextEncoding } from './decode-text';

export type ReadTableOptions = {
  /**
   * Undo our CSV writer's formula guard (`'=x` → `=x`), for files meant for spreadsheets (default
   * true). False for data files written without the guard (GTFS), where a leading `'` is data.
   */
  restoreFormulas?: boolean;
};

/** A row of a delimited file: its cells and the line of the file it starts on (1-based). */
export type TableRow = { line: number; cells: string[] };
export type Delimiter = ';' | ',' | '\t';
export type TextTable = { encoding: TextEncoding; bom: boolean; delimiter: Delimiter; rows: TableRow[] };

const DELIMITERS: Delimiter[] = [';', ',', '\t'];

/** The separator the header line uses most, counted outside quotes (ties: ; before , before tab). */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ';');
}

/**
 * Parses delimited text (RFC 4180 quoting, CRLF/LF/CR) with csv-parse, the separator detected from
 * the header line. Blank lines are left out; each row keeps the line it starts on, as a text editor
 * numbers it. A cell our CSV writer neutralised (`'=…`) reads back as it was (`=…`), so our own
 * exports import unchanged. A malformed file (a quote never closed) is IMPORT_INVALID with the line.
 */
export function parseDelimited(
  text: string,
  delimiter: Delimiter = detectDelimiter(text),
  options: ReadTableOptions = {},
): TableRow[] {
  const restore = options.restoreFormulas === false ? (c: string) => c : restoreNeutralised;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new AppError('IMPORT_INVALID', {
      details: {
        field: 'file',
        reason: 'malformed_csv',
        line: (error as unknown as { lines?: number }).lines,
      },
    });
  }
  const rows: TableRow[] = [];
  let next = 1;
  for (const { record, info } of records) {
    if (record.some((c) => c.trim() !== '')) rows.push({ line: next, cells: record.map(restore) });
    next = info.lines + 1;
  }
  return rows;
}

/**
 * The one way an uploaded delimited file (CSV, GTFS .txt) is read: bytes → text (decodeText:
 * encoding detected, FILE_UNREADABLE when it is not text) → rows (parseDelimited). Used by the
 * company's subscription import and the operator's catalog import alike.
 */
export function readTextTable(bytes: Uint8Array, options: ReadTableOptions = {}): TextTable {
  const decoded: DecodedText = decodeText(bytes);
  const delimiter = detectDelimiter(decoded.text);
  return { ...decoded, delimiter, rows: parseDelimited(decoded.text, delimiter, options) };
}
