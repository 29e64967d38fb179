import { describe, expect, it } from 'vitest';
import { priceOn } from './catalog';
import { exampleCatalog } from './example-catalog';

const { zones, categories, prices } = exampleCatalog;

describe('example catalog (not real fares)', () => {
  it('is flagged as example data', () => {
    expect(exampleCatalog.isExample).toBe(true);
  });

  it('has the 25 municipalities of Agder as zones, with ascii slug ids', () => {
    expect(zones).toHaveLength(25);
    expect(new Set(zones.map((z) => z.id)).size).toBe(25);
    expect(zones.every((z) => /^[a-z]+(-[a-z]+)*$/.test(z.id) && z.active)).toBe(true);
    expect(zones.map((z) => z.name)).toContain('Hægebostad');
    expect(zones.find((z) => z.id === 'evje-og-hornnes')?.name).toBe('Evje og Hornnes');
    expect(zones.map((z) => z.id)).not.toContain('songdalen');
  });

  it('has the five traveller categories', () => {
    expect(categories.map((c) => c.id)).toEqual(['barn', 'ungdom', 'ung-voksen', 'voksen', 'honnor']);
  });

  it('prices every category for 1, 2 and 3 zones in 2026 and 2027, whole kroner', () => {
    for (const c of categories) {
      for (const n of [1, 2, 3]) {
        const p2026 = priceOn(prices, c.id, n, '2026-02-01');
        const p2027 = priceOn(prices, c.id, n, '2027-02-01');
        expect(p2026 % 100).toBe(0);
        expect(p2027 % 100).toBe(0);
        expect(p2027).toBeGreaterThan(p2026);
        expect(p2027 / p2026).toBeCloseTo(1.03, 2);
      }
      expect(priceOn(prices, c.id, 2, '2026-02-01')).toBeGreaterThan(priceOn(prices, c.id, 1, '2026-02-01'));
      expect(priceOn(prices, c.id, 3, '2026-02-01')).toBeGreaterThan(priceOn(prices, c.id, 2, '2026-02-01'));
    }
    expect(priceOn(prices, 'voksen', 1, '2026-03-01')).toBe(79000);
  });
});
