import { describe, expect, it } from 'vitest';
import { trustProxyOption } from './trust-proxy';

describe('trustProxyOption (issue 12.3)', () => {
  it('a hop count trusts exactly the n nearest hops', () => {
    const trust = trustProxyOption(2);
    if (typeof trust !== 'function') throw new Error('a hop count becomes a function');
    expect([0, 1, 2, 3].map((hop) => trust('203.0.113.1', hop))).toEqual([true, true, false, false]);
  });

  it('false, true and address lists pass through to Fastify unchanged', () => {
    expect(trustProxyOption(false)).toBe(false);
    expect(trustProxyOption(true)).toBe(true);
    expect(trustProxyOption(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});
