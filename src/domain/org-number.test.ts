import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOrgNumber, isValidOrgNumber, normalizeOrgNumber } from './org-number';

describe('organisation number (MOD11, weights 3 2 7 6 5 4 3 2)', () => {
  it.each(['974760673', '123456785', '987654325'])('accepts %s', (n) => {
    expect(isValidOrgNumber(n)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidOrgNumber('123456786')).toBe(false);
    expect(isValidOrgNumber('974760674')).toBe(false);
  });

  it('remainder 1 has no valid check digit', () => {
    // 3*4 = 12 ≡ 1 (mod 11): no check digit can make 40000000x valid
    for (let check = 0; check <= 9; check++) expect(isValidOrgNumber(`40000000${check}`)).toBe(false);
  });

  it('remainder 0 gives check digit 0', () => {
    // 3*1 + 2*4 = 11 ≡ 0
    expect(isValidOrgNumber('140000000')).toBe(true);
    expect(isValidOrgNumber('140000001')).toBe(false);
  });

  it('accepts spaces and rejects anything that is not 9 digits', () => {
    expect(normalizeOrgNumber('974 760 673')).toBe('974760673');
    expect(isValidOrgNumber(' 974 760 673 ')).toBe(true);
    expect(normalizeOrgNumber('97476067')).toBeNull();
    expect(normalizeOrgNumber('9747606733')).toBeNull();
    expect(normalizeOrgNumber('97476067a')).toBeNull();
    expect(isValidOrgNumber('')).toBe(false);
  });

  it('issue 14: all zeros is not an organisation number, though it passes MOD11', () => {
    expect(isValidOrgNumber('000000000')).toBe(false);
    expect(isValidOrgNumber('000 000 000')).toBe(false);
  });

  it('property: eight digits plus their MOD11 check digit are valid unless all zeros; any one changed digit is not', () => {
    const weights = [3, 2, 7, 6, 5, 4, 3, 2];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const r = body.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
          if (r === 1) {
            for (let c = 0; c <= 9; c++) expect(isValidOrgNumber(`${body.join('')}${c}`)).toBe(false);
            return;
          }
          const digits = [...body, r === 0 ? 0 : 11 - r];
          const number = digits.join('');
          expect(isValidOrgNumber(number)).toBe(!/^0+$/.test(number));
          const changed = digits.map((d, i) => (i === at ? (d + delta) % 10 : d)).join('');
          expect(isValidOrgNumber(changed)).toBe(false);
        },
      ),
      { seed: 14, numRuns: 500 },
    );
  });

  it('issue 14 item 10: shown grouped 3-3-3', () => {
    expect(formatOrgNumber('974760673')).toBe('974 760 673');
    expect(formatOrgNumber(' 974 760 673 ')).toBe('974 760 673');
    expect(formatOrgNumber('abc')).toBe('abc');
  });
});
