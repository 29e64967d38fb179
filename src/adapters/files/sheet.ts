import type ExcelJS from 'exceljs';
import type { CsvCell } from './csv-writer';

/**
 * A spreadsheet cell typed by what it means, so each format writes it right (issue 14 item 5):
 * amounts and numbers as numbers, dates as dates, phones and ids as text (leading zeros and "+"
 * kept), a number field as the person typed it and as its number. Every export that a person opens
 * in a spreadsheet (payroll basis, subscription list) builds its rows of these.
 */
export type SheetCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'money'; ore: number }
  | { kind: 'typedNumber'; text: string; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'month'; month: string }
  | { kind: 'empty' };

export const textCell = (value: string): SheetCell => ({ kind: 'text', value });
export const dateCell = (iso: string | null | undefined): SheetCell =>
  iso ? { kind: 'date', iso } : { kind: 'empty' };

/** "12,5" or "00789" (as typed) → its number; null when it is not a plain decimal number. */
export function typedNumber(typed: string): number | null {
  return /^-?\d+(?:[.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : null;
}

/**
 * The cell of an order-form field's answer: a `number` field as typed and as its number, a
 * yes/no as the word, other answers as text; nothing answered is empty.
 */
export function fieldCell(type: string, value: unknown, yesNo: [string, string] = ['Ja', 'Nei']): SheetCell {
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return textCell(value ? yesNo[0] : yesNo[1]);
  const typed = String(value);
  const n = type === 'number' ? typedNumber(typed) : null;
  return n === null ? textCell(typed) : { kind: 'typedNumber', text: typed, value: n };
}

/** The cell for the one CSV writer (which neutralises formulas in text, never in numbers). */
export function csvCellOf(c: SheetCell): CsvCell {
  switch (c.kind) {
    case 'text':
      return c.value;
    case 'number':
      return c.value;
    case 'money':
      return { ore: c.ore };
    case 'typedNumber':
      return { numberText: c.text };
    case 'date':
      return c.iso;
    case 'month':
      return c.month;
    case 'empty':
      return null;
  }
}

const KRONER = '#,##0.00';
const DATE = 'dd.mm.yyyy';
const MONTH = 'yyyy-mm';
const TEXT = '@';

/** A calendar date as Excel's date (midnight UTC of that day, which exceljs writes as the serial). */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d ?? 1));
}

/** A number field as typed: "00789" shows as 00789 (a number with a zero-padded format). */
function typedFormat(typed: string): string {
  const [whole = '', decimals] = typed.replace('-', '').split(/[.,]/);
  const int = whole.startsWith('0') && whole.length > 1 ? '0'.repeat(whole.length) : '0';
  return decimals ? `${int}.${'0'.repeat(decimals.length)}` : int;
}

/** Writes one typed cell into an exceljs cell: a value of the right type and its number format. */
export function writeXlsxCell(cell: ExcelJS.Cell, c: SheetCell): void {
  switch (c.kind) {
    case 'text':
      cell.value = c.value;
      cell.numFmt = TEXT;
      return;
    case 'number':
      cell.value = c.value;
      return;
    case 'money':
      cell.value = c.ore / 100;
      cell.numFmt = KRONER;
      return;
    case 'typedNumber':
      cell.value = c.value;
      cell.numFmt = typedFormat(c.text);
      return;
    case 'date':
      cell.value = excelDate(c.iso);
      cell.numFmt = DATE;
      return;
    case 'month':
      cell.value = excelDate(c.month);
      cell.numFmt = MONTH;
      return;
    case 'empty':
      return;
  }
}

/** Writes a bold header and typed rows into a worksheet, from row 1; freezes the header. */
export function fillSheet(ws: ExcelJS.Worksheet, header: string[], rows: SheetCell[][], width = 16): void {
  ws.addRow(header).font = { bold: true };
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2);
    cells.forEach((c, j) => {
      writeXlsxCell(row.getCell(j + 1), c);
    });
  });
  ws.columns.forEach((col) => {
    col.width = width;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}
