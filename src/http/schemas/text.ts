import { z } from 'zod';
import { checkOpaqueText, normaliseText, type TextProblem, type TextRule } from '../../domain/text';
import { readTicketNumber } from '../../domain/ticket-number';

/**
 * The zod side of the one text boundary (`src/domain/text.ts`). Every request schema that takes
 * a string uses one of these builders; `src/http/request-schemas.test.ts` walks every route's
 * body, query, params and headers and refuses a plain `z.string()`.
 *
 * A breach is a zod issue `{ code: 'custom', params: { problem, max?, min? } }`; the error
 * handler turns it into a 400 VALIDATION_FAILED naming the field, in bokmål and English
 * (`fieldProblemMessages` in `src/http/error-messages.ts`).
 */

/** The transform functions of the builders: how the schema check recognises a checked string. */
const checkedTransforms = new WeakSet<object>();

/** True when `schema` is a pipe made by one of the builders here (for the schema check). */
export function isCheckedString(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: { type: string; out?: z.ZodType } } })._zod.def;
  if (def.type !== 'pipe' || !def.out) return false;
  const out = (def.out as unknown as { _zod: { def: { type: string; transform?: object } } })._zod.def;
  return out.type === 'transform' && !!out.transform && checkedTransforms.has(out.transform);
}

type Issue = { problem: TextProblem | string; [key: string]: unknown };

/**
 * A string schema whose value goes through `check`; an issue from it is the field's 400.
 * Exported for the calendar builders; routes use `text.*`.
 */
export function checkedString<T>(
  check: (raw: string) => { ok: true; value: T } | { ok: false; issue: Issue },
  jsonSchema: Record<string, unknown>,
) {
  const transform = (raw: string, ctx: z.core.$RefinementCtx<string>): T => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.issues.push({
      code: 'custom',
      message: String(result.issue.problem),
      input: raw,
      params: result.issue,
    });
    return z.NEVER;
  };
  checkedTransforms.add(transform);
  return z.string().transform(transform).meta(jsonSchema);
}

function ruleSchema(rule: TextRule, jsonSchema: Record<string, unknown> = {}) {
  return checkedString(
    (raw) => {
      const result = normaliseText(raw, rule);
      return result.ok
        ? result
        : { ok: false, issue: { problem: result.problem, max: rule.max, min: rule.min ?? 0 } };
    },
    { maxLength: rule.max, ...(rule.min ? { minLength: rule.min } : {}), ...jsonSchema },
  );
}

export interface LineOptions {
  max: number;
  /** Fewest characters; default 1 (a required field). 0 accepts the empty string. */
  min?: number;
  /** A pattern the normalised value must match, e.g. `/^\d{4}$/`. */
  pattern?: RegExp;
}

export const text = {
  /** One line: NFC, trimmed, whitespace collapsed; no line breaks, control or bidi characters. */
  singleLine: ({ max, min = 1, pattern }: LineOptions) =>
    ruleSchema({ max, min, pattern }, pattern ? { pattern: pattern.source } : {}),
  /** Several lines (intro texts, terms, reasons): as `singleLine`, but line breaks kept as `\n`. */
  multiLine: ({ max, min = 0 }: { max: number; min?: number }) => ruleSchema({ max, min, multiLine: true }),
  /** A first or last name as on the ID: letters of any script, marks, space, - ' ’ and . only. */
  personName: ({ max = 100 }: { max?: number } = {}) =>
    ruleSchema(
      { max, min: 1, personName: true },
      {
        description: "Letters of any script, combining marks, spaces, hyphens, apostrophes (' ’) and periods",
      },
    ),
  /** An e-mail address, normalised like a single line. */
  email: ({ max = 320 }: { max?: number } = {}) =>
    ruleSchema({ max, min: 3, email: true }, { format: 'email' }),
  /** A search term: normalised like a single line (NFC), may be empty. */
  search: ({ max = 200 }: { max?: number } = {}) => ruleSchema({ max, min: 0 }),
  /**
   * An opaque value compared byte for byte (ids, tokens, keys): not changed, but refused when
   * it holds control, bidi or broken characters or is longer than `max` (or shorter than `min`).
   */
  opaque: ({ max, min = 1, pattern }: LineOptions) =>
    checkedString(
      (raw) => {
        const problem =
          checkOpaqueText(raw, max) ??
          (raw.length < min ? (raw.length === 0 ? 'required' : 'too_short') : null) ??
          (pattern && !pattern.test(raw) ? 'pattern' : null);
        return problem ? { ok: false, issue: { problem, max, min } } : { ok: true, value: raw };
      },
      { maxLength: max, ...(min ? { minLength: min } : {}), ...(pattern ? { pattern: pattern.source } : {}) },
    ),
  /**
   * The content of an uploaded file (CSV text, base64 of a workbook): bounded, passed on
   * unchanged to its reader, which puts every cell through `normaliseText` itself.
   */
  file: ({ max }: { max: number }) =>
    checkedString(
      (raw) =>
        raw.length > max ? { ok: false, issue: { problem: 'too_long', max } } : { ok: true, value: raw },
      { maxLength: max },
    ),
  /** A file's bytes as base64 (RFC 4648, standard alphabet with padding), bounded; decoded by the file reader. */
  base64: ({ max }: { max: number }) =>
    checkedString(
      (raw) =>
        raw.length > max
          ? { ok: false, issue: { problem: 'too_long', max } }
          : /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(raw)
            ? { ok: true, value: raw }
            : { ok: false, issue: { problem: 'pattern', max } },
      { maxLength: max, contentEncoding: 'base64' },
    ),
  /**
   * A ticket number as a person types it (Crockford base32, eight symbols and a check symbol;
   * case, I/L/O, spaces and hyphens forgiven): the number it stands for. A wrong check symbol is
   * `ticket_number_check`, anything else `ticket_number_invalid`; alone, the code is TICKET_NUMBER_INVALID.
   */
  ticketNumber: () =>
    checkedString(
      (raw) => {
        const unreadable = checkOpaqueText(raw, 40);
        if (unreadable) return { ok: false, issue: { problem: unreadable, max: 40 } };
        const read = readTicketNumber(raw);
        return read.ok
          ? read
          : { ok: false, issue: { problem: read.problem, code: 'TICKET_NUMBER_INVALID' } };
      },
      {
        minLength: 9,
        maxLength: 40,
        example: '3F9KQ2M7X',
        description: 'Crockford base32 with a check symbol',
      },
    ),
  /**
   * A one-time code as a person types it from an SMS: spaces and hyphens between the digits are
   * forgiven; anything but exactly `digits` digits is `pattern` (a 400 naming the field, before any
   * try is counted).
   */
  oneTimeCode: ({ digits }: { digits: number }) =>
    checkedString(
      (raw) => {
        const unreadable = checkOpaqueText(raw, 40);
        if (unreadable) return { ok: false, issue: { problem: unreadable, max: 40 } };
        const value = raw.replace(/[\s-]/g, '');
        if (value === '') return { ok: false, issue: { problem: 'required', max: 40 } };
        return new RegExp(`^\\d{${digits}}$`).test(value)
          ? { ok: true, value }
          : { ok: false, issue: { problem: 'pattern', max: 40 } };
      },
      { minLength: digits, maxLength: 40, example: '123 456', description: `${digits} digits` },
    ),
  /** A password or other secret: passed on unchanged (never normalised), only its length bounded. */
  secret: ({ max = 1000 }: { max?: number } = {}) =>
    checkedString(
      (raw) =>
        raw.length > max ? { ok: false, issue: { problem: 'too_long', max } } : { ok: true, value: raw },
      { maxLength: max },
    ),
};
