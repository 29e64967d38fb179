import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv-writer';
import { parseDelimited } from './read-table';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('one CSV writer, safe by construction (issue 14, item 5)', () => {
  it('a data file for other systems (GTFS) can leave the guard off and be read back as written; spreadsheets keep it', () => {
    const cells = ['=SUM(1)', '-1', "'=x", '@home'];
    const data = writeCsv([cells], { delimiter: ',', bom: false, formulaGuard: false });
    expect(data).toBe("=SUM(1),-1,'=x,@home\r\n");
    expect(parseDelimited(data, ',', { restoreFormulas: false })[0]?.cells).toEqual(cells);
    const sheet = writeCsv([cells], { delimiter: ',', bom: false });
    expect(sheet).toBe("'=SUM(1),'-1,''=x,'@home\r\n");
    expect(parseDelimited(sheet, ',')[0]?.cells).toEqual(cells);
  });

  it('a text cell starting with = + - @ tab or CR is neutralised; numbers and amounts stay numbers', () => {
    const csv = writeCsv(
      [
        [
          "'=x",
          '=2+3',
          '+47 412 34 501',
          '-x',
          '@SUM(A1)',
          '\tTab',
          '\rCR',
          'Åse',
          -12.5,
          { ore: -81_400 },
          { numberText: '00789' },
        ],
      ],
      { decimalComma: true, bom: false },
    );
    expect(csv).toBe(`''=x;'=2+3;'+47 412 34 501;'-x;'@SUM(A1);'\tTab;"'\rCR";Åse;-12,5;-814,00;00789\r\n`);
  });

  it('property: every text cell reads back as written, and never starts with a formula trigger', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(';' as const, ',' as const),
        (rows, delimiter) => {
          const header = rows[0]!.map((_, i) => `c${i}`);
          const csv = writeCsv([header, ...rows], { delimiter, bom: false });
          const back = parseDelimited(csv, delimiter).map((r) => r.cells);
          // Blank rows are skipped by the reader; compare the rest.
          const expected = [header, ...rows].filter((r) => r.some((c) => c.trim() !== ''));
          expect(back).toEqual(expected);
          const raw: string[][] = parse(csv, { delimiter, relax_column_count: true });
          for (const cell of raw.flat()) expect(TRIGGERS).not.toContain(cell[0] ?? '');
        },
      ),
    );
  });
});
