import { describe, expect, it } from 'vitest';
import { formatPhoneNo, normalizeMobile } from './phone';

describe('rule 4: login by a valid mobile number', () => {
  it.each([
    ['91234567', '+4791234567'],
    ['41234567', '+4741234567'],
    ['912 34 567', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['004791234567', '+4791234567'],
  ])('normalizes %j to E.164', (input, e164) => {
    expect(normalizeMobile(input)).toBe(e164);
  });

  it('refuses a landline: 21234567 is an Oslo fixed line', () => {
    expect(normalizeMobile('21234567')).toBeNull();
  });

  it.each(['123', '', 'abc', '9123456'])('refuses %j', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });

  it('uses the default region only for numbers without a country code', () => {
    expect(normalizeMobile('+46 70 123 45 67')).toBe('+46701234567');
    expect(normalizeMobile('070-123 45 67', 'SE')).toBe('+46701234567');
  });

  it('formats a Norwegian mobile as "+47 912 34 567"', () => {
    expect(formatPhoneNo('+4791234567')).toBe('+47 912 34 567');
    expect(formatPhoneNo('+46701234567')).toBe('+46 70 123 45 67');
  });
});
