import { describe, expect, it } from 'vitest';
import { followsPriceList } from './deduction-terms';

describe('issue 15 (c): whether the terms cover a price-list raise (an explicit flag, not the text)', () => {
  it('the default terms (no company text) say the deduction follows the price list', () => {
    expect(followsPriceList('', undefined)).toBe(true);
    expect(followsPriceList('   ', false)).toBe(true);
  });

  it("the company's own terms follow the price list only when the company declared so", () => {
    expect(followsPriceList('Trekket følger prislisten.', undefined)).toBe(false);
    expect(followsPriceList('Trekket følger prislisten.', false)).toBe(false);
    expect(followsPriceList('Vi trekker 500 kr.', true)).toBe(true);
  });
});
