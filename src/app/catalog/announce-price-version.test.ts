import { describe, expect, it } from 'vitest';
import type { PriceVersion } from '../../domain/catalog';
import { deductionChanges } from './announce-price-version';

const old: PriceVersion[] = [
  { categoryId: 'voksen', zoneCount: 1, monthlyPriceOre: 80_000, validFrom: '2027-01-01' },
];
const version: PriceVersion = {
  categoryId: 'voksen',
  zoneCount: 1,
  monthlyPriceOre: 90_000,
  validFrom: '2027-03-01',
};
const ticket = (id: string) => ({
  id,
  state: 'approved' as const,
  categoryId: 'voksen',
  startDate: '2027-01-01',
  endDate: null,
  zoneSets: [{ zoneIds: ['a'], validFrom: '2027-01-01', validTo: null }],
});

describe('issue 15: which employees a price version must tell', () => {
  it('a changed price changes the deduction by the share the company does not pay', () => {
    const changes = deductionChanges([...old, version], '2027-03-01', [ticket('s1')], () => ({
      type: 'percent',
      value: 50,
    }));
    expect(changes).toEqual([
      {
        subscriptionId: 's1',
        previousDeductionOre: 40_000,
        deductionOre: 45_000,
        // The new month's whole split, which a consent request under custom terms carries (issue 15 (c)).
        next: { priceOre: 90_000, companyShareOre: 45_000, deductionOre: 45_000, taxableBenefitOre: 45_000 },
      },
    ]);
  });

  it('a fixed share that covers both prices, or an unchanged price, is no news', () => {
    const covered = deductionChanges([...old, version], '2027-03-01', [ticket('s1')], () => ({
      type: 'fixed',
      value: 100_000,
    }));
    expect(covered).toEqual([]);
    const same = deductionChanges(
      [...old, { ...version, monthlyPriceOre: 80_000 }],
      '2027-03-01',
      [ticket('s1')],
      () => ({ type: 'none' }),
    );
    expect(same).toEqual([]);
  });
});
