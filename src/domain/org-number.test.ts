import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, normalizeOrgNumber } from './org-number';

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
});
