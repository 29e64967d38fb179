import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseOrigin } from './web-origin';

describe('normaliseOrigin (issue 12.8: the widget origins a company allows)', () => {
  it('keeps bare https origins, normalised', () => {
    expect(normaliseOrigin('https://www.bedrift.no')).toBe('https://www.bedrift.no');
    expect(normaliseOrigin(' HTTPS://WWW.Bedrift.NO/ ')).toBe('https://www.bedrift.no');
    expect(normaliseOrigin('https://intra.bedrift.no:443')).toBe('https://intra.bedrift.no');
    expect(normaliseOrigin('https://intra.bedrift.no:8443')).toBe('https://intra.bedrift.no:8443');
    expect(normaliseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
  });

  it('refuses anything that is not a bare origin', () => {
    for (const wrong of [
      'www.bedrift.no',
      'http://www.bedrift.no',
      'https://www.bedrift.no/side',
      'https://www.bedrift.no?x=1',
      'https://www.bedrift.no#a',
      'https://user:pw@www.bedrift.no',
      'https://*.bedrift.no',
      '*',
      "'self'",
      'https://a.no; script-src *',
      'javascript:alert(1)',
      'data:text/html,hi',
      '',
    ]) {
      expect(normaliseOrigin(wrong), wrong).toBeNull();
    }
  });

  it('property: whatever it accepts is a fixed point and safe inside a CSP directive', {
    timeout: 30_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(
              fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://'),
              fc.oneof(fc.domain(), fc.constant('localhost'), fc.string({ maxLength: 12 })),
              fc.constantFrom('', ':443', ':8080', '/', '/x', '?q', ' '),
            )
            .map((parts) => parts.join('')),
        ),
        (input) => {
          const origin = normaliseOrigin(input);
          if (origin === null) return;
          expect(normaliseOrigin(origin)).toBe(origin);
          expect(origin).not.toMatch(/[\s;,'*]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
