import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from './resources';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it.each(NAMESPACES)('%s has the same keys in bokmål and English', (ns) => {
    expect(keys(resources.en[ns]).sort()).toEqual(keys(resources.nb[ns]).sort());
  });
});
