import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOrgNumber } from './org-number';
import { formatPhone } from './phone-format';

describe('issue 14 item 10: phones and organisation numbers shown grouped', () => {
  it('a Norwegian number reads +47 412 34 501 however it was written', () => {
    for (const n of ['+4741234501', '004741234501', '41234501', '412 34 501', '+47 412 34 501'])
      expect(formatPhone(n)).toBe('+47 412 34 501');
    expect(formatPhone('+46701234567')).toBe('+46701234567');
    expect(formatPhone('')).toBe('');
  });

  it('property: grouping keeps the digits and is stable', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[49]\d{7}$/), (local) => {
        const shown = formatPhone(`+47${local}`);
        expect(shown.replace(/\D/g, '')).toBe(`47${local}`);
        expect(formatPhone(shown)).toBe(shown);
        expect(formatOrgNumber(`9${local}`).replace(/\s/g, '')).toBe(`9${local}`);
      }),
      { seed: 14 },
    );
  });

  it('every screen shows phones and org numbers through formatPhone / formatOrgNumber', () => {
    const web = path.resolve(import.meta.dirname, '../web');
    const files = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    const raw =
      /\{\s*[\w.?]+\.(phone|orgNumber|signedInPhone|to)\s*\}|\$\{\s*[\w.?]+\.(phone|orgNumber)\s*\}|(phone|orgNumber): [\w.?]+\s*\}\)/;
    const offenders = files.flatMap((file) =>
      readFileSync(path.join(web, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => raw.test(line) && !/value=|key=|to=\{|mutate\(/.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
