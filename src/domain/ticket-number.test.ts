import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTicketNumber,
  parseTicketNumber,
  readTicketNumber,
  TICKET_NUMBER_LIMIT,
} from './ticket-number';

const number = fc.integer({ min: 0, max: TICKET_NUMBER_LIMIT - 1 });

describe('ticket number (Crockford base32 with check symbol)', () => {
  it('at most 10 characters, read back to the same number, also typed in lower case with hyphens', () => {
    fc.assert(
      fc.property(number, (n) => {
        const text = formatTicketNumber(n);
        expect(text.length).toBeLessThanOrEqual(10);
        expect(parseTicketNumber(text)).toBe(n);
        expect(parseTicketNumber(`${text.slice(0, 4)}-${text.slice(4)}`.toLowerCase())).toBe(n);
      }),
    );
  });

  it('one mistyped character or two swapped neighbours are caught by the check symbol', () => {
    fc.assert(
      fc.property(number, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 31 }), (n, at, delta) => {
        const text = formatTicketNumber(n);
        const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const changed = symbols[(symbols.indexOf(text[at] as string) + delta) % 32] as string;
        expect(parseTicketNumber(text.slice(0, at) + changed + text.slice(at + 1))).toBeNull();
        const a = text[at] as string;
        const b = text[at + 1] as string;
        if (at < 7 && a !== b) {
          expect(parseTicketNumber(text.slice(0, at) + b + a + text.slice(at + 2))).toBeNull();
        }
      }),
    );
  });

  it('garbage is null', () => {
    for (const bad of ['', 'ABC', 'UUUUUUUUU', '!!!!!!!!!', '0000000000000'])
      expect(parseTicketNumber(bad)).toBeNull();
  });

  it('a wrong check symbol is told apart from a number of the wrong form (the inspector can fix a typo)', () => {
    fc.assert(
      fc.property(number, fc.integer({ min: 1, max: 36 }), (n, delta) => {
        const text = formatTicketNumber(n);
        const checks = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
        const wrong = checks[(checks.indexOf(text[8] as string) + delta) % 37] as string;
        expect(readTicketNumber(text.slice(0, 8) + wrong)).toEqual({
          ok: false,
          problem: 'ticket_number_check',
        });
      }),
    );
    for (const bad of ['', 'ABC', 'ABCDEFGH!', 'U0000000A', '0000000000000'])
      expect(readTicketNumber(bad)).toEqual({ ok: false, problem: 'ticket_number_invalid' });
  });
});
