import { describe, expect, it } from 'vitest';
import {
  assertMonthClosed,
  type BillableSubscription,
  MonthPriceTable,
  monthCharge,
  monthJustEnded,
  zoneSetsWithChange,
} from './billing';
import { exampleCatalog } from './example-catalog';
import { adminEnd, categoryChange, employeeCancellation, zoneChangeFrom } from './subscription';

// Example catalog, voksen: 1 zone 790 kr → 814 kr, 2 zones 1 090 kr → 1 123 kr, 3+ 1 390 kr → 1 432 kr
// (new prices from 1 February 2027).
const V1_2026 = 79000;
const V1_2027 = 81400;
const V2_2027 = 112300;
const V3_2027 = 143200;
const H1_2027 = 40700;

const sub = (over: Partial<BillableSubscription> = {}): BillableSubscription => ({
  id: 's1',
  state: 'approved',
  categoryId: 'voksen',
  startDate: '2027-03-01',
  endDate: null,
  zoneSets: [{ zoneIds: ['kristiansand'], validFrom: over.startDate ?? '2027-03-01', validTo: null }],
  ...over,
});
const charge = (s: BillableSubscription, month: string) =>
  monthCharge(s, new MonthPriceTable(exampleCatalog.prices, month));
const price = (s: BillableSubscription, month: string) => charge(s, month)?.priceOre ?? null;

/** Zone sets as the zone-change use case writes them: the old set ends the day before the new one. */
function changeZones(s: BillableSubscription, zoneIds: string[], from: string): BillableSubscription {
  return { ...s, zoneSets: zoneSetsWithChange(s.zoneSets, zoneIds, from) };
}

describe('rule 11: every started month is billed in full', () => {
  it('rule 11: start today on the last day of the month bills that whole month', () => {
    const c = charge(sub({ startDate: '2027-03-31' }), '2027-03');
    expect(c).toMatchObject({ priceOre: V1_2027, daysValid: 1 });
    expect(price(sub({ startDate: '2027-03-31' }), '2027-02')).toBeNull();
  });

  it('rule 10: employee cancel mid-month bills the month, not the next', () => {
    const s = sub();
    const cancel = employeeCancellation({ ...s, revokedAt: null }, '2027-04-10');
    expect(cancel).toEqual({ kind: 'ends', endDate: '2027-04-30' });
    const ended = sub({ endDate: '2027-04-30' });
    expect(charge(ended, '2027-04')).toMatchObject({ priceOre: V1_2027, daysValid: 30 });
    expect(price(ended, '2027-05')).toBeNull();
  });

  it('rule 10: admin end "now" still bills the current month in full', () => {
    const end = adminEnd(
      { ...sub(), revokedAt: null },
      'now',
      '2027-04-10',
      new Date('2027-04-10T08:00:00Z'),
    );
    expect(end).toMatchObject({ kind: 'ends', endDate: '2027-04-10' });
    const ended = sub({ endDate: '2027-04-10' });
    expect(charge(ended, '2027-04')).toMatchObject({ priceOre: V1_2027, daysValid: 10 });
    expect(price(ended, '2027-05')).toBeNull();
  });

  it('pending, rejected and cancelled subscriptions are never billed', () => {
    for (const state of ['pending', 'rejected', 'cancelled'] as const) {
      expect(price(sub({ state }), '2027-03')).toBeNull();
    }
  });

  it('month and year edges: a subscription from 31 December is billed in December and January', () => {
    const s = sub({ startDate: '2026-12-31', endDate: '2027-01-01' });
    expect(price(s, '2026-11')).toBeNull();
    expect(price(s, '2026-12')).toBe(V1_2026);
    expect(charge(s, '2027-01')).toMatchObject({ priceOre: V1_2026, daysValid: 1 });
    expect(price(s, '2027-02')).toBeNull();
  });

  it('month edges: February of a leap year has 29 billed days', () => {
    const s = sub({ startDate: '2028-01-15' });
    expect(charge(s, '2028-02')?.daysValid).toBe(29);
  });
});

describe('rule 1: a month is priced with the prices valid on its first day', () => {
  it('rule 1: the price change on 1 February applies to February, not January', () => {
    const s = sub({ startDate: '2027-01-20' });
    expect(price(s, '2027-01')).toBe(V1_2026);
    expect(price(s, '2027-02')).toBe(V1_2027);
  });

  it('rule 1: a subscription starting mid-February pays the new February price', () => {
    expect(price(sub({ startDate: '2027-02-15' }), '2027-02')).toBe(V1_2027);
  });

  it('a month without any valid price is PRICE_MISSING, not a zero line', () => {
    expect(() => price(sub({ startDate: '2020-01-01' }), '2020-01')).toThrow(
      expect.objectContaining({ code: 'PRICE_MISSING' }),
    );
  });
});

describe('rule 8: several zone sets in a month are billed at the highest price', () => {
  it('rule 8: zone change "now" mid-month to more zones bills the month at the dearer set', () => {
    const from = zoneChangeFrom({ ...sub(), revokedAt: null }, 'now', '2027-04-15');
    const s = changeZones(sub(), ['kristiansand', 'vennesla'], from);
    expect(price(s, '2027-03')).toBe(V1_2027);
    expect(charge(s, '2027-04')).toMatchObject({ priceOre: V2_2027, zoneIds: ['kristiansand', 'vennesla'] });
    expect(price(s, '2027-05')).toBe(V2_2027);
  });

  it('rule 8: zone change "now" mid-month to fewer zones keeps the dearer price for that month', () => {
    const s0 = sub({
      zoneSets: [
        { zoneIds: ['kristiansand', 'vennesla', 'arendal'], validFrom: '2027-03-01', validTo: null },
      ],
    });
    const s = changeZones(s0, ['kristiansand'], '2027-04-15');
    expect(price(s, '2027-04')).toBe(V3_2027);
    expect(price(s, '2027-05')).toBe(V1_2027);
  });

  it('rule 8: zone change from next month does not touch this month', () => {
    const from = zoneChangeFrom({ ...sub(), revokedAt: null }, 'next_month', '2027-04-15');
    expect(from).toBe('2027-05-01');
    const s = changeZones(sub(), ['kristiansand', 'vennesla'], from);
    expect(price(s, '2027-04')).toBe(V1_2027);
    expect(price(s, '2027-05')).toBe(V2_2027);
  });

  it('rule 8: a change replaces a planned change that starts on or after its date', () => {
    const planned = changeZones(sub(), ['kristiansand', 'vennesla'], '2027-05-01');
    const s = changeZones(planned, ['kristiansand', 'vennesla', 'arendal'], '2027-04-15');
    expect(s.zoneSets).toEqual([
      { zoneIds: ['kristiansand'], validFrom: '2027-03-01', validTo: '2027-04-14' },
      { zoneIds: ['kristiansand', 'vennesla', 'arendal'], validFrom: '2027-04-15', validTo: null },
    ]);
    expect(price(s, '2027-05')).toBe(V3_2027);
  });

  it('rule 8: a zone set in force only after the subscription ended is not billed', () => {
    const s = changeZones(sub({ endDate: '2027-04-10' }), ['a', 'b', 'c'], '2027-04-20');
    expect(price(s, '2027-04')).toBe(V1_2027);
  });
});

describe('rule 9: category change', () => {
  it('rule 9: category change "now" bills both subscriptions this month', () => {
    const now = new Date('2027-04-10T08:00:00Z');
    const change = categoryChange({ ...sub(), revokedAt: null }, 'now', '2027-04-10', now);
    const old = sub({ endDate: change.oldEndDate });
    const created = sub({ id: 's2', categoryId: 'honnor', startDate: change.newStartDate });
    expect(price(old, '2027-04')).toBe(V1_2027);
    expect(price(created, '2027-04')).toBe(H1_2027);
    expect(price(old, '2027-05')).toBeNull();
    expect(price(created, '2027-05')).toBe(H1_2027);
  });

  it('rule 9: category change from next month bills one subscription per month', () => {
    const now = new Date('2027-04-10T08:00:00Z');
    const change = categoryChange({ ...sub(), revokedAt: null }, 'next_month', '2027-04-10', now);
    const old = sub({ endDate: change.oldEndDate });
    const created = sub({ id: 's2', categoryId: 'honnor', startDate: change.newStartDate });
    expect([price(old, '2027-04'), price(created, '2027-04')]).toEqual([V1_2027, null]);
    expect([price(old, '2027-05'), price(created, '2027-05')]).toEqual([null, H1_2027]);
  });
});

describe('rule 11: a month is billed only after it has ended', () => {
  it('the current month and later months are BILLING_MONTH_OPEN', () => {
    const open = expect.objectContaining({ code: 'BILLING_MONTH_OPEN' });
    expect(() => assertMonthClosed('2027-03', '2027-03-31')).toThrow(open);
    expect(() => assertMonthClosed('2027-04', '2027-03-31')).toThrow(open);
    expect(() => assertMonthClosed('2027-02', '2027-03-01')).not.toThrow();
  });

  it('a bad month is MONTH_INVALID', () => {
    expect(() => assertMonthClosed('2027-13', '2027-03-01')).toThrow(
      expect.objectContaining({ code: 'MONTH_INVALID' }),
    );
  });

  it('the scheduled run on 1 January bills December of the year before', () => {
    expect(monthJustEnded('2027-01-01')).toBe('2026-12');
    expect(monthJustEnded('2027-03-01')).toBe('2027-02');
  });
});
