import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES } from './resources';

const FILES = import.meta.glob<{ default: unknown }>('./locales/*/*.json', { eager: true });

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function texts(language: string, ns: string): unknown {
  return FILES[`./locales/${language}/${ns}.json`]?.default;
}

describe('translations', () => {
  it.each(NAMESPACES)('%s has the same keys in bokmål and English', (ns) => {
    expect(keys(texts('en', ns)).sort()).toEqual(keys(texts('nb', ns)).sort());
  });

  // The app loads one file per language and namespace and has no fallback language, so a
  // missing or extra file would show keys (issue 17 item 6).
  it('has exactly one file per language and namespace', () => {
    const expected = LANGUAGES.flatMap((l) => NAMESPACES.map((ns) => `./locales/${l}/${ns}.json`)).sort();
    expect(Object.keys(FILES).sort()).toEqual(expected);
  });
});
