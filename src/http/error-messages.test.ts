import { describe, expect, it } from 'vitest';
import { pickLang } from './error-messages';

describe('the answer language from Accept-Language (RFC 9110 §12.5.4)', () => {
  it.each([
    [undefined, 'nb'],
    ['', 'nb'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['no', 'nb'],
    ['nn', 'nb'],
    // The first tag is not always the choice: weights decide, and q=0 refuses a language.
    ['fr-FR,fr;q=0.9,en;q=0.8', 'en'],
    ['en;q=0, nb', 'nb'],
    ['nb;q=0.2, en;q=0.7', 'en'],
    ['de', 'nb'],
    ['*', 'nb'],
    ['garbage;;;q=x', 'nb'],
  ] as const)('%s → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
