/**
 * The short ticket number a person reads or types (issue 13): a number below 2^40 written in
 * Crockford's base32 (digits and letters without I, L, O, U), eight characters, followed by
 * Crockford's check symbol (the number mod 37), nine characters in all. Reading forgives what
 * Crockford allows: lower case, I/L for 1, O for 0, and hyphens or spaces between groups.
 */
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${SYMBOLS}*~$=U`;
const DIGITS = 8;
export const TICKET_NUMBER_LIMIT = 2 ** 40;

export function formatTicketNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= TICKET_NUMBER_LIMIT) throw new RangeError('ticket number');
  let body = '';
  let rest = n;
  for (let i = 0; i < DIGITS; i++) {
    body = SYMBOLS[rest % 32] + body;
    rest = Math.floor(rest / 32);
  }
  return body + CHECK_SYMBOLS[n % 37];
}

/** Why a typed ticket number is refused: not its form at all, or a check symbol that does not match. */
export type TicketNumberProblem = 'ticket_number_invalid' | 'ticket_number_check';

/**
 * Reads a typed ticket number: the number, or why it is refused. Nine symbols after cleaning
 * (case, I/L/O, hyphens and spaces forgiven), eight of the alphabet and a check symbol; a number
 * whose check symbol does not match is `ticket_number_check` (a typing error the reader can fix).
 */
export function readTicketNumber(
  text: string,
): { ok: true; value: number } | { ok: false; problem: TicketNumberProblem } {
  const clean = text.trim().toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (clean.length !== DIGITS + 1) return { ok: false, problem: 'ticket_number_invalid' };
  let n = 0;
  for (const c of clean.slice(0, DIGITS)) {
    const v = SYMBOLS.indexOf(c);
    if (v < 0) return { ok: false, problem: 'ticket_number_invalid' };
    n = n * 32 + v;
  }
  const check = clean[DIGITS] as string;
  if (!CHECK_SYMBOLS.includes(check)) return { ok: false, problem: 'ticket_number_invalid' };
  return CHECK_SYMBOLS[n % 37] === check
    ? { ok: true, value: n }
    : { ok: false, problem: 'ticket_number_check' };
}

/** The number a typed ticket number stands for, or null when it is malformed or its check fails. */
export function parseTicketNumber(text: string): number | null {
  const read = readTicketNumber(text);
  return read.ok ? read.value : null;
}
