import { describe, expect, it } from 'vitest';
import { pickLang, translateError } from './error-messages';

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

describe('plural forms in messages (hostile check, issue 15: "1 sekunder")', () => {
  it('a wait of 1 second reads in the singular, others in the plural, in both languages', () => {
    expect(translateError('TOO_MANY_REQUESTS', 'nb', { retryAfterSeconds: 1 })).toBe(
      'For mange forsøk. Prøv igjen om 1 sekund.',
    );
    expect(translateError('TOO_MANY_REQUESTS', 'nb', { retryAfterSeconds: 30 })).toBe(
      'For mange forsøk. Prøv igjen om 30 sekunder.',
    );
    expect(translateError('TOO_MANY_REQUESTS', 'en', { retryAfterSeconds: 1 })).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(translateError('SMS_BUDGET_EXCEEDED', 'en', { retryAfterSeconds: 120 })).toBe(
      'We are not sending more SMS right now. Try again in 120 seconds.',
    );
  });
});
