import { describe, expect, it } from 'vitest';
import {
  MAX_PRICED_ZONES,
  type PriceVersion,
  pricedZoneCount,
  priceForMonth,
  priceOn,
  validateZoneSelection,
} from './catalog';

const prices: PriceVersion[] = [
  { categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 79000, validFrom: '2026-02-01' },
  { categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 81400, validFrom: '2027-02-01' },
  { categoryId: 'voksen', zoneCount: 2, monthlyPriceOre: 109000, validFrom: '2026-02-01' },
  { categoryId: 'voksen', zoneCount: 3, monthlyPriceOre: 139000, validFrom: '2026-02-01' },
  { categoryId: 'barn', zoneCount: 1, monthlyPriceOre: 39500, validFrom: '2026-02-01' },
];

const zones = [
  { id: 'kristiansand', name: 'Kristiansand', active: true },
  { id: 'vennesla', name: 'Vennesla', active: true },
  { id: 'arendal', name: 'Arendal', active: true },
  { id: 'gamle-songdalen', name: 'Songdalen', active: false },
];

describe('rule 1: fare catalog', () => {
  it('3 is the cap: 3 or more zones are priced as 3', () => {
    expect(MAX_PRICED_ZONES).toBe(3);
    expect(pricedZoneCount(1)).toBe(1);
    expect(pricedZoneCount(3)).toBe(3);
    expect(pricedZoneCount(7)).toBe(3);
    expect(priceOn(prices, 'voksen', 5, '2026-06-01')).toBe(139000);
  });

  it('a ticket needs at least one zone', () => {
    expect(() => pricedZoneCount(0)).toThrow(expect.objectContaining({ code: 'ZONES_REQUIRED' }));
  });

  it('the price on a date is the version with the latest validFrom on or before it', () => {
    expect(priceOn(prices, 'voksen', 1, '2027-01-31')).toBe(79000);
    expect(priceOn(prices, 'voksen', 1, '2027-02-01')).toBe(81400);
    expect(priceOn(prices, 'voksen', 1, '2030-01-01')).toBe(81400);
    expect(priceOn(prices, 'voksen', 2, '2027-06-01')).toBe(109000);
  });

  it('the order of the versions in the list does not matter', () => {
    expect(priceOn([...prices].reverse(), 'voksen', 1, '2027-03-01')).toBe(81400);
  });

  it('a month is priced with the prices valid on its first day', () => {
    expect(priceForMonth(prices, 'voksen', 1, '2027-01')).toBe(79000);
    expect(priceForMonth(prices, 'voksen', 1, '2027-02')).toBe(81400);
  });

  it('no price for the date, category or zone count → PRICE_MISSING', () => {
    expect(() => priceOn(prices, 'voksen', 1, '2026-01-31')).toThrow(
      expect.objectContaining({ code: 'PRICE_MISSING' }),
    );
    expect(() => priceOn(prices, 'honnor', 1, '2026-06-01')).toThrow(
      expect.objectContaining({ code: 'PRICE_MISSING' }),
    );
    expect(() => priceOn(prices, 'barn', 2, '2026-06-01')).toThrow(
      expect.objectContaining({ code: 'PRICE_MISSING' }),
    );
  });
});

describe('zone selection', () => {
  it('returns the distinct ids in the order chosen', () => {
    expect(validateZoneSelection(['vennesla', 'kristiansand', 'vennesla'], zones)).toEqual([
      'vennesla',
      'kristiansand',
    ]);
  });

  it('requires at least one zone', () => {
    expect(() => validateZoneSelection([], zones)).toThrow(
      expect.objectContaining({ code: 'ZONES_REQUIRED' }),
    );
  });

  it('lists unknown and inactive ids in the error details', () => {
    expect(() => validateZoneSelection(['kristiansand', 'oslo', 'gamle-songdalen'], zones)).toThrow(
      expect.objectContaining({ code: 'ZONE_UNKNOWN', details: { zoneIds: ['oslo', 'gamle-songdalen'] } }),
    );
  });

  it('refuses zones the company does not offer', () => {
    expect(validateZoneSelection(['arendal'], zones, ['arendal'])).toEqual(['arendal']);
    expect(() => validateZoneSelection(['arendal', 'vennesla'], zones, ['arendal'])).toThrow(
      expect.objectContaining({ code: 'ZONE_UNKNOWN', details: { zoneIds: ['vennesla'] } }),
    );
  });
});
