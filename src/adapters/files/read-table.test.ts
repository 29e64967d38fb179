import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors';
import { decodeText } from './decode-text';
import { detectDelimiter, parseDelimited, readTextTable } from './read-table';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const EXCEL_1252 = path.join(repoRoot, '..', 'shared', 'cases', 'subscriptions-excel-windows-1252.csv');
const NAMES = 'Fornavn;Etternavn\r\nTrine;Ødegård\r\nJørn;Ås\r\n';

function refusal(bytes: Uint8Array) {
  try {
    decodeText(bytes);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  return null;
}

describe('uploaded files are decoded from their bytes (issue 14, item 4)', () => {
  it('Norwegian Excel\'s "CSV (semikolonseparert)" (Windows-1252) reads "Trine Ødegård" and "Jørn Ås"', () => {
    const table = readTextTable(fs.readFileSync(EXCEL_1252));
    expect(table.encoding).toBe('Windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['Fornavn', 'Etternavn'],
      ['Trine', 'Ødegård'],
      ['Jørn', 'Ås'],
    ]);
    expect(table.rows[2]!.cells[3]).toBe('Kristiansand, Vennesla');
  });

  it.each([
    ['UTF-8 without BOM', Buffer.from(NAMES, 'utf8'), 'UTF-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)]), 'UTF-8', true],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NAMES, 'utf-16le')]),
      'UTF-16LE',
      true,
    ],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(NAMES, 'utf-16be')]),
      'UTF-16BE',
      true,
    ],
    ['Windows-1252', iconv.encode(NAMES, 'windows-1252'), 'Windows-1252', false],
  ] as const)('%s reads the same names and says which encoding it was', (_name, bytes, encoding, bom) => {
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: NAMES, encoding, bom });
  });

  it('Windows-1252 bytes only 1252 has (€, curly quotes, Š) are read, not replaced', () => {
    const text = 'Navn\r\nŠárka “Sissi” €\r\n';
    expect(decodeText(iconv.encode(text, 'windows-1252')).text).toBe(text);
  });

  it('a binary file, UTF-16 without BOM, broken UTF-16 or a non-Western legacy encoding is refused (FILE_UNREADABLE)', () => {
    const font = fs.readFileSync(path.join(repoRoot, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    expect(refusal(font.subarray(0, 4096))).toMatchObject({
      code: 'FILE_UNREADABLE',
      details: { field: 'file' },
    });
    expect(refusal(iconv.encode(NAMES, 'utf-16le'))?.details).toMatchObject({ reason: 'binary' });
    expect(refusal(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))?.code).toBe('FILE_UNREADABLE');
    const polish = iconv.encode('Imię;Nazwisko\r\nŁukasz;Wiśniewski\r\nŻaneta;Łęcka\r\n', 'iso-8859-2');
    expect(refusal(polish)?.details).toMatchObject({ reason: 'other_encoding' });
    expect(refusal(Buffer.from('a;b\r\n1;\u0007\r\n'))?.details).toMatchObject({ reason: 'invalid_bytes' });
  });

  it('a file that mixes UTF-8 rows with Windows-1252 rows is refused as mixed, never read as mojibake (hostile check)', () => {
    const mixed = Buffer.concat([
      Buffer.from('Fornavn;Etternavn\r\nHans;Strauß\r\nŠimon;Úlfsson\r\n', 'utf8'),
      iconv.encode('Jørn;Ås\r\n', 'windows-1252'),
    ]);
    expect(refusal(mixed)?.details).toMatchObject({ reason: 'mixed_encoding' });
    // A plain Windows-1252 file with the same names is read.
    expect(
      decodeText(iconv.encode('Fornavn;Etternavn\r\nHans;Strauß\r\nJørn;Ås\r\n', 'windows-1252')).encoding,
    ).toBe('Windows-1252');
  });

  it('a Windows-1250 (Central European) file is refused, not read as Windows-1252 ("¯ory", "£ódŸ")', () => {
    for (const text of [
      'area_id,area_name\r\nzory,Żory\r\nlodz,Łódź\r\n',
      'Imię;Nazwisko\r\nJan;Śliwa\r\nŁucja;Żak\r\n',
    ]) {
      expect(refusal(iconv.encode(text, 'windows-1250'))?.details, text).toMatchObject({
        reason: 'other_encoding',
      });
    }
  });
});

describe('delimited text: separators detected, quotes, line numbers', () => {
  it('semicolon, comma and tab are detected from the header, quotes protect the others', () => {
    expect(detectDelimiter('a;b;"c,d,e,f"\n1,2,3')).toBe(';');
    expect(detectDelimiter('area_id,area_name\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(parseDelimited('Fornavn\tSoner\r\nKari\tKristiansand, Vennesla\r\n')).toEqual([
      { line: 1, cells: ['Fornavn', 'Soner'] },
      { line: 2, cells: ['Kari', 'Kristiansand, Vennesla'] },
    ]);
  });

  it('rows keep the line they start on past blank lines and line breaks inside quotes', () => {
    expect(parseDelimited('a;b\r\n1;"x\ny"\r\n\r\n2;"say ""hi"""\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['2', 'say "hi"'] },
    ]);
  });

  it('a quote never closed is IMPORT_INVALID, not a crash', () => {
    expect(() => parseDelimited('a;b\n1;"open\n')).toThrowError(
      expect.objectContaining({ code: 'IMPORT_INVALID' }),
    );
  });
});
