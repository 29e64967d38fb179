import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOpaqueText, isCleanText, normaliseText, searchKey } from './text';

const line = { max: 100, min: 1 };
const name = { max: 100, min: 1, personName: true };
const ok = (value: string) => ({ ok: true, value });
const bad = (problem: string) => ({ ok: false, problem });

describe('the text boundary (issue 14, item 1)', () => {
  it('makes text NFC, so "Åse" typed as A + combining ring equals the precomposed one', () => {
    expect(normaliseText('A\u030Ase', line)).toEqual(ok('\u00C5se'));
  });

  it('trims and collapses inner whitespace of a single line (NBSP and line separators too)', () => {
    expect(normaliseText('  Ola \u00A0  Nordmann\u2003', line)).toEqual(ok('Ola Nordmann'));
    expect(normaliseText('a\u2028b', line)).toEqual(ok('a b'));
  });

  it('refuses NUL and every other C0/C1 control character', () => {
    expect(normaliseText('X\u0000Y', line)).toEqual(bad('control_character'));
    expect(normaliseText('X\u001BY', line)).toEqual(bad('control_character'));
    expect(normaliseText('X\u007FY', line)).toEqual(bad('control_character'));
    expect(normaliseText('X\u0085Y', line)).toEqual(bad('control_character'));
    expect(normaliseText('X\u009FY', { ...line, multiLine: true })).toEqual(bad('control_character'));
    expect(normaliseText('X\u0000Y', { ...line, multiLine: true })).toEqual(bad('control_character'));
  });

  it('allows line breaks only in a multi-line field, and makes them \\n', () => {
    expect(normaliseText('a\nb', line)).toEqual(bad('line_break'));
    // A tab is no line break: it is refused as the control character it is.
    expect(normaliseText('a\tb', line)).toEqual(bad('control_character'));
    expect(normaliseText(' a  \r\nb\rc\u2029d \n', { max: 100, multiLine: true })).toEqual(ok('a\nb\nc\nd'));
  });

  it('refuses U+FFFD, unpaired surrogates and bidi overrides and isolates', () => {
    expect(normaliseText('Trine \uFFFDdeg\uFFFDrd', line)).toEqual(bad('replacement_character'));
    expect(normaliseText('a\uD800b', line)).toEqual(bad('unpaired_surrogate'));
    expect(normaliseText('a\uDC00', line)).toEqual(bad('unpaired_surrogate'));
    for (const c of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(normaliseText(`abc${c}def`, line)).toEqual(bad('bidi_control'));
    expect(normaliseText('smile \u{1F600}', line)).toEqual(ok('smile \u{1F600}'));
  });

  it('refuses text that shows nothing (zero-width spaces, joiners, soft hyphens, fillers); inside visible one-line text they are refused as look-alikes', () => {
    for (const invisible of [
      '\u200B',
      '\u200B\u200C\u200D',
      '\u2060\uFEFF',
      '\u00AD',
      '\u3164',
      '\u2800',
      '\u0301',
    ])
      expect(normaliseText(invisible, line)).toEqual(bad('invisible_only'));
    expect(normaliseText(' \u200B ', { max: 10, multiLine: true })).toEqual(bad('invisible_only'));
    expect(normaliseText('Kristian\u00ADsand', line)).toEqual(bad('invisible_character'));
    expect(normaliseText('Kristian\u00ADsand', { max: 100, multiLine: true })).toEqual(
      ok('Kristian\u00ADsand'),
    );
    expect(normaliseText('\u0915\u093F', line)).toEqual(ok('\u0915\u093F'));
  });

  it('counts the length in code points after normalising, between min and max', () => {
    expect(normaliseText('   ', line)).toEqual(bad('required'));
    expect(normaliseText('ab', { max: 100, min: 3 })).toEqual(bad('too_short'));
    expect(normaliseText('\u{1F600}'.repeat(100), line)).toEqual(ok('\u{1F600}'.repeat(100)));
    expect(normaliseText('a'.repeat(101), line)).toEqual(bad('too_long'));
    expect(normaliseText('a'.repeat(10_000_000), line)).toEqual(bad('too_long'));
    expect(normaliseText('', { max: 10 })).toEqual(ok(''));
  });

  it('personal names: letters of any script, marks, spaces, hyphens, apostrophes and periods only', () => {
    for (const n of [
      'Åse',
      'Łukasz Wiśniewski',
      'Anne-Marit',
      "O'Brien",
      'D’Angelo',
      'J. R. R.',
      'Čeněk Đurić',
      'Ŋáste Ŧŧ',
      'Σωκράτης',
      'Алексей',
      '李小龍',
      '’t Hart',
    ])
      expect(normaliseText(n, name)).toEqual(ok(n));
    for (const n of ['=2+3', 'Ola2', 'Ola \u{1F600}', '@Ola', '+47', '-Ola', '.', 'Ola;Kari', 'a<b>'])
      expect(normaliseText(n, name)).toEqual(bad('name_characters'));
  });

  it('e-mail addresses and patterns are checked after normalising', () => {
    expect(normaliseText(' kari@example.no ', { max: 320, email: true })).toEqual(ok('kari@example.no'));
    expect(normaliseText('kari@', { max: 320, email: true })).toEqual(bad('email_invalid'));
    expect(normaliseText('0123 ', { max: 4, pattern: /^\d{4}$/ })).toEqual(ok('0123'));
    expect(normaliseText('012a', { max: 4, pattern: /^\d{4}$/ })).toEqual(bad('pattern'));
  });

  it('property: whatever it accepts is NFC, clean, trimmed, within its bounds and stable', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 40 }),
        (raw, multiLine, max) => {
          const result = normaliseText(raw, { max, multiLine });
          if (!result.ok) return;
          const v = result.value;
          expect(v.normalize('NFC')).toBe(v);
          expect(isCleanText(v.replace(/[\n\t]/g, ' '))).toBe(true);
          expect(v).toBe(v.trim());
          expect([...v].length).toBeLessThanOrEqual(max);
          if (!multiLine) expect(v).not.toMatch(/\s\s|[\n\t]/);
          expect(normaliseText(v, { max, multiLine })).toEqual(result);
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  }, 30_000);

  it('property: a string with any refused character is refused', () => {
    const refused = fc.constantFrom('\u0000', '\u0007', '\u0080', '\uFFFD', '\u202E', '\u2067', '\uD800');
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), refused, fc.string({ maxLength: 20 }), (a, c, b) => {
        expect(normaliseText(a + c + b, { max: 100 }).ok).toBe(false);
      }),
      { seed: 14 },
    );
  });

  it('a search key is NFC and collapsed like stored text', () => {
    expect(searchKey('  A\u030Ase  Hansen ')).toBe('\u00C5se Hansen');
  });

  it('issue 14: text of nothing but invisible characters is refused as invisible_only, required or not', () => {
    for (const blank of [
      '\u200B',
      '\u2060',
      '\u00AD',
      '\u3164',
      '\u115F',
      '\u034F',
      '\u180E',
      '\u2800',
      ' \u200B ',
    ]) {
      expect(normaliseText(blank, line), JSON.stringify(blank)).toEqual(bad('invisible_only'));
      expect(normaliseText(blank, { max: 500, min: 1, multiLine: true }), JSON.stringify(blank)).toEqual(
        bad('invisible_only'),
      );
      expect(normaliseText(blank, { max: 10 }), JSON.stringify(blank)).toEqual(bad('invisible_only'));
    }
  });

  it('issue 14: an invisible character inside single-line text is refused, not kept as a look-alike', () => {
    for (const mixed of ['Kristian\u200Bsand', 'Zone\u2060A', 'Øst\u00ADre', 'a\uFE0Fb']) {
      expect(normaliseText(mixed, line), JSON.stringify(mixed)).toEqual(bad('invisible_character'));
    }
    expect(checkOpaqueText('a\u200Bb', 64)).toBe('invisible_character');
    expect(checkOpaqueText('voksen-1', 64)).toBeNull();
  });

  it('issue 14: real names pass (Catalan middle dot, non-breaking hyphen, en dash, Persian ZWNJ, Malayalam ZWJ); invisible marks in names do not', () => {
    for (const real of ['Gal·la Puig', 'Jean\u2011Luc', 'Anna–Maria', 'مهدی\u200Cزاده', 'ലക്ഷ്മി\u200Dപ്രിയ']) {
      expect(normaliseText(real, name), real).toEqual(ok(real));
    }
    for (const hidden of [
      'Kari\u034F',
      'Ola\uFE0F',
      '\u200CKari',
      'Kari\u200C',
      'Kari \u200D Nord',
      '\u3164',
    ]) {
      expect(normaliseText(hidden, name).ok, JSON.stringify(hidden)).toBe(false);
    }
  });
});
