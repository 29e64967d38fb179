/**
 * The one text boundary (issue 14): every piece of text a person types, pastes or uploads passes
 * `normaliseText` before the product stores, compares or prints it. Pure; no I/O.
 *
 * The rule, in this order:
 * 1. no unpaired UTF-16 surrogates (JSON may carry `"\ud800"`; it is not text);
 * 2. Unicode NFC (so "Åse" typed as A + U+030A equals the precomposed "Åse");
 * 3. no C0/C1 control characters (U+0000–U+001F, U+007F–U+009F, NUL included); a multi-line field
 *    allows line feed, carriage return and tab; no U+FFFD (the mark of text decoded wrongly);
 *    no bidi embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069: "Trojan source");
 * 4. whitespace: a single-line field has every run of whitespace (NBSP, U+2028… included) collapsed
 *    to one space; a multi-line field has its line breaks made `\n`; both are trimmed;
 * 5. length in code points, after 1–4, between `min` and `max`; text that is not empty must show
 *    something: text of only invisible characters (zero-width spaces, joiners, soft hyphens,
 *    fillers, lone combining marks) is `invisible_only`, never a look-alike of empty;
 * 6. a personal name holds only letters of any script, combining marks, spaces, hyphens (also
 *    the non-breaking U+2011 and the en dash Word puts in "Anna–Maria"), apostrophes (' and ’),
 *    periods and the Catalan middle dot (Gal·la), and starts with a letter or an apostrophe; the
 *    zero-width (non-)joiners Persian and Indic names need are allowed between letters;
 * 7. an invisible character (Unicode format characters such as U+200B, U+2060, U+FEFF, U+00AD,
 *    the combining grapheme joiner, variation selectors, Hangul fillers, the blank Braille
 *    pattern) inside visible single-line text or an id is `invisible_character`.
 */

export type TextProblem =
  | 'unpaired_surrogate'
  | 'control_character'
  | 'line_break'
  | 'replacement_character'
  | 'bidi_control'
  | 'invisible_only'
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'name_characters'
  | 'email_invalid'
  | 'pattern'
  | 'invisible_character';

export interface TextRule {
  /** Most code points after normalising. */
  max: number;
  /** Fewest code points after normalising (0 allows the empty string); default 0. */
  min?: number;
  /** Line breaks and tabs allowed (kept as `\n`); inner whitespace is not collapsed. */
  multiLine?: boolean;
  /** The personal-name alphabet of rule 6. */
  personName?: boolean;
  /** An e-mail address (the common `local@domain.tld` shape). */
  email?: boolean;
  /** A pattern the normalised value must match (e.g. four digits of a postal code). */
  pattern?: RegExp;
}

export type TextResult = { ok: true; value: string } | { ok: false; problem: TextProblem };

// Built from code points so the source holds no invisible characters.
const cp = (n: number) => String.fromCodePoint(n);
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;
const CONTROL = new RegExp(`[${cp(0)}-${cp(0x1f)}${cp(0x7f)}-${cp(0x9f)}]`, 'u');
const CONTROL_EXCEPT_LINES = new RegExp(
  `[${cp(0)}-${cp(8)}${cp(0xb)}${cp(0xc)}${cp(0xe)}-${cp(0x1f)}${cp(0x7f)}-${cp(0x9f)}]`,
  'u',
);
const LINE_BREAK = /[\n\r]/;
const BIDI_CONTROL = new RegExp(`[${cp(0x202a)}-${cp(0x202e)}${cp(0x2066)}-${cp(0x2069)}]`, 'u');
const REPLACEMENT = cp(0xfffd);
// Letters, marks (but not the invisible ones below), and the punctuation names carry.
const NAME = new RegExp(
  `^[\\p{L}'’][\\p{L}\\p{M}'’. \\-‐${cp(0x2011)}${cp(0x2013)}${cp(0xb7)}${cp(0x200c)}${cp(0x200d)}]*$`,
  'u',
);
/** A zero-width (non-)joiner not between two letters or marks. */
const LOOSE_JOINER = new RegExp(
  `(^|[^\\p{L}\\p{M}])[${cp(0x200c)}${cp(0x200d)}]|[${cp(0x200c)}${cp(0x200d)}]($|[^\\p{L}\\p{M}])`,
  'u',
);
/**
 * Characters that show nothing: format characters (\p{Cf}: U+200B–U+200F, U+2060–U+2064, U+FEFF,
 * U+00AD, U+180E, U+061C…), the combining grapheme joiner, variation selectors, Hangul fillers and
 * the blank Braille pattern.
 */
const INVISIBLE_CLASS = `\\p{Cf}${cp(0x34f)}${cp(0xfe00)}-${cp(0xfe0f)}${cp(0xe0100)}-${cp(0xe01ef)}${cp(0x115f)}${cp(0x1160)}${cp(0x3164)}${cp(0xffa0)}${cp(0x2800)}`;
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const JOINERS = new RegExp(`[${cp(0x200c)}${cp(0x200d)}]`, 'gu');
const VISIBLE = new RegExp(`[^\\s${INVISIBLE_CLASS}]`, 'u');
const HAS_LETTER = /\p{L}/u;
/** Characters that show nothing: format characters (U+200B, U+2060, U+FEFF, U+00AD…), separators, marks and blank fillers. */
const INVISIBLE_ONLY = new RegExp(
  `^[\\p{Cf}\\p{Z}\\p{M}\\s${cp(0x115f)}${cp(0x1160)}${cp(0x3164)}${cp(0xffa0)}${cp(0x2800)}]+$`,
  'u',
);
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Checks and normalises one text value by `rule` (see the module comment). */
export function normaliseText(raw: string, rule: TextRule): TextResult {
  if (typeof raw !== 'string') return { ok: false, problem: 'required' };
  // A cheap bound first, so a huge value is refused before any work on it.
  if (raw.length > rule.max * 4 + 1024) return { ok: false, problem: 'too_long' };
  if (UNPAIRED_SURROGATE.test(raw)) return { ok: false, problem: 'unpaired_surrogate' };
  let value = raw.normalize('NFC');
  if (rule.multiLine) {
    if (CONTROL_EXCEPT_LINES.test(value)) return { ok: false, problem: 'control_character' };
  } else if (CONTROL.test(value)) {
    return { ok: false, problem: LINE_BREAK.test(value) ? 'line_break' : 'control_character' };
  }
  if (value.includes(REPLACEMENT)) return { ok: false, problem: 'replacement_character' };
  if (BIDI_CONTROL.test(value)) return { ok: false, problem: 'bidi_control' };
  if (!rule.multiLine) {
    // Joiners are kept only inside a name's letters (Persian, Indic scripts); else invisible.
    const seen = rule.personName ? value.replace(JOINERS, '') : value;
    // (Text with nothing visible at all is `invisible_only`, below.)
    if (VISIBLE.test(value) && (INVISIBLE.test(seen) || (rule.personName && LOOSE_JOINER.test(value))))
      return { ok: false, problem: 'invisible_character' };
  }
  value = rule.multiLine
    ? value
        .replace(/\r\n?|[\u2028\u2029]/g, '\n')
        .replace(/[^\S\n\t]+$/gm, '')
        .trim()
    : value.replace(/\s+/g, ' ').trim();
  // Text of nothing but invisible characters shows nothing: refused, whether required or not.
  if (value !== '' && (!VISIBLE.test(value) || INVISIBLE_ONLY.test(value)))
    return { ok: false, problem: 'invisible_only' };
  const length = codePointLength(value);
  const min = rule.min ?? 0;
  if (length < min) return { ok: false, problem: length === 0 ? 'required' : 'too_short' };
  if (length > rule.max) return { ok: false, problem: 'too_long' };
  if (length === 0) return { ok: true, value };
  if (rule.personName && !(NAME.test(value) && HAS_LETTER.test(value)))
    return { ok: false, problem: 'name_characters' };
  if (rule.email && !EMAIL.test(value)) return { ok: false, problem: 'email_invalid' };
  if (rule.pattern && !rule.pattern.test(value)) return { ok: false, problem: 'pattern' };
  return { ok: true, value };
}

/** Checks an opaque identifier or token without changing it: no control, bidi or broken characters. */
export function checkOpaqueText(raw: string, max: number): TextProblem | null {
  if (typeof raw !== 'string') return 'required';
  if (raw.length > max) return 'too_long';
  if (UNPAIRED_SURROGATE.test(raw)) return 'unpaired_surrogate';
  if (CONTROL.test(raw)) return 'control_character';
  if (raw.includes(REPLACEMENT)) return 'replacement_character';
  if (BIDI_CONTROL.test(raw)) return 'bidi_control';
  if (INVISIBLE.test(raw)) return 'invisible_character';
  return null;
}

/** True when `raw` holds no character the boundary refuses in any field (for URLs and headers). */
export function isCleanText(raw: string): boolean {
  return checkOpaqueText(raw, Number.POSITIVE_INFINITY) === null;
}

/** NFC, whitespace collapsed and trimmed: how a search term is compared (with stored NFC text). */
export function searchKey(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
