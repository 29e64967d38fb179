import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../domain/errors';

/** The encodings an uploaded text file is read in (the name shown to the user). */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
export type DecodedText = { text: string; encoding: TextEncoding; bom: boolean };

/** chardet's names for the single-byte Western encodings Windows-1252 reads correctly. */
const WESTERN = new Set(['ISO-8859-1', 'ISO-8859-15', 'windows-1252']);
/** A non-Western guess must be this much surer than the best Western one before it refuses the file. */
const OTHER_SCRIPT_MARGIN = 1.5;

function refuse(
  reason: 'binary' | 'invalid_bytes' | 'other_encoding' | 'mixed_encoding',
  detected?: string,
): never {
  throw new AppError('FILE_UNREADABLE', {
    details: { field: 'file', reason, ...(detected ? { detected } : {}) },
  });
}

/** Text must not hold control characters other than tab, CR and LF, nor U+FFFD (a byte that had no character). */
function checkText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/.test(text)) refuse('invalid_bytes');
  return text;
}

/**
 * A well-formed UTF-8 multi-byte sequence (a lead byte and its continuation bytes, no overlong
 * or surrogate forms). In a file that is not UTF-8 as a whole, one of these means parts of it
 * were saved as UTF-8 and parts in a legacy code page ("StrauÃŸ" next to "Ødegård").
 */
const UTF8_SEQUENCE =
  /[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2}/;

/**
 * Symbols of Windows-1252 that stand where Windows-1250 (Central European) has letters: one of
 * them inside a word ("£ódŸ", "¯ory") means the file is in another code page, read wrongly.
 */
const SYMBOL_IN_WORD = /\p{L}[¥¦ª¬¯³¹º¼¾]|[¥¦ª¬¯³¹º¼¾]\p{L}|£\p{Ll}/u;

/**
 * Decodes an uploaded text file from its bytes: a byte order mark decides (UTF-8, UTF-16 LE/BE);
 * without one, strict UTF-8 first (every byte sequence valid), then Windows-1252 (what Norwegian
 * Excel writes for "CSV (semikolonseparert)"), unless chardet is clearly surer of a non-Western
 * encoding (a Polish or Cyrillic file would otherwise be silently misread) or the text read has
 * symbols inside words (the mark of a Central European code page). A file that mixes UTF-8 with a
 * legacy code page is refused as `mixed_encoding`. A file with NUL bytes
 * (binary, or UTF-16 without a BOM), undefined bytes or control characters is refused with
 * FILE_UNREADABLE (400). The BOM is not part of the text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3), true);
  if (b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), 'UTF-16LE');
  if (b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), 'UTF-16BE');
  if (b.includes(0)) refuse('binary');
  try {
    return {
      text: checkText(new TextDecoder('utf-8', { fatal: true }).decode(b)),
      encoding: 'UTF-8',
      bom: false,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  // Not UTF-8 as a whole, yet with UTF-8 sequences in it: two encodings in one file.
  if (UTF8_SEQUENCE.test(Buffer.from(b).toString('latin1'))) refuse('mixed_encoding');
  const guesses = chardet.analyse(b);
  const western = Math.max(0, ...guesses.filter((g) => WESTERN.has(g.name)).map((g) => g.confidence));
  const best = guesses[0];
  if (best && !WESTERN.has(best.name) && best.confidence > western * OTHER_SCRIPT_MARGIN) {
    refuse('other_encoding', best.name);
  }
  const text = checkText(iconv.decode(Buffer.from(b), 'windows-1252'));
  if (SYMBOL_IN_WORD.test(text)) refuse('other_encoding', best?.name);
  return { text, encoding: 'Windows-1252', bom: false };
}

function utf8(b: Uint8Array, bom: boolean): DecodedText {
  try {
    return { text: checkText(new TextDecoder('utf-8', { fatal: true }).decode(b)), encoding: 'UTF-8', bom };
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse('invalid_bytes');
  }
}

function utf16(b: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodedText {
  if (b.length % 2 !== 0) refuse('invalid_bytes');
  const text = iconv.decode(Buffer.from(b), encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be');
  // An unpaired surrogate is not text.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    refuse('invalid_bytes');
  return { text: checkText(text), encoding, bom: true };
}
