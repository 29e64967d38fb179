import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BillableSubscription, draftInvoice, MonthPriceTable, monthCharge } from './billing';
import { addDays, addMonths, monthsTouched, type YearMonth } from './calendar';
import { exampleCatalog } from './example-catalog';
import { type Subsidy, splitCost } from './money';
import { payrollAmounts, payrollTotals } from './payroll';

const MONTHS: YearMonth[] = Array.from({ length: 30 }, (_, i) => addMonths('2026-06', i));
const tables = new Map(MONTHS.map((m) => [m, new MonthPriceTable(exampleCatalog.prices, m)]));
const categoryIds = exampleCatalog.categories.map((c) => c.id);
const zoneIds = exampleCatalog.zones.map((z) => z.id);

const date = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-06-01', n));
const zoneSet = fc.uniqueArray(fc.constantFrom(...zoneIds), { minLength: 1, maxLength: 5 });

/** A subscription with 1–4 consecutive zone sets, as zone changes leave them. */
const subscription: fc.Arbitrary<BillableSubscription> = fc
  .record({
    start: date,
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    categoryId: fc.constantFrom(...categoryIds),
    sets: fc.array(fc.tuple(zoneSet, fc.integer({ min: 1, max: 90 })), { minLength: 1, maxLength: 4 }),
  })
  .map(({ start, length, categoryId, sets }) => {
    let from = start;
    const zoneSets = sets.map(([ids, days], i) => {
      const validTo = i === sets.length - 1 ? null : addDays(from, days - 1);
      const set = { zoneIds: ids, validFrom: from, validTo };
      if (validTo) from = addDays(validTo, 1);
      return set;
    });
    return {
      id: `s-${start}-${length}`,
      state: 'approved' as const,
      categoryId,
      startDate: start,
      endDate: length === null ? null : addDays(start, length),
      zoneSets,
    };
  });

const subsidy: fc.Arbitrary<Subsidy> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.integer({ min: 0, max: 10_000 }).map((h) => ({ type: 'percent' as const, value: h / 100 })),
  fc.integer({ min: 0, max: 300_000 }).map((value) => ({ type: 'fixed' as const, value })),
);

describe('billing properties', () => {
  it('every subscription-month is billed exactly once: the billed months are the months it touches', () => {
    fc.assert(
      fc.property(subscription, (s) => {
        const billed = MONTHS.filter((m) => monthCharge(s, tables.get(m)!) !== null);
        const end = s.endDate ?? `${MONTHS.at(-1)!}-28`;
        const touched = monthsTouched(s.startDate, end).filter((m) => m <= MONTHS.at(-1)!);
        expect(billed).toEqual(touched);
      }),
    );
  });

  it('rule 8: the billed price is the highest price among the zone sets in force that month', () => {
    fc.assert(
      fc.property(subscription, fc.constantFrom(...MONTHS), (s, m) => {
        const c = monthCharge(s, tables.get(m)!);
        if (!c) return;
        const table = tables.get(m)!;
        const candidates = s.zoneSets.map((z) => table.price(s.categoryId, z.zoneIds.length));
        expect(candidates).toContain(c.priceOre);
        expect(c.priceOre).toBeLessThanOrEqual(Math.max(...candidates));
        expect(c.priceOre).toBe(table.price(s.categoryId, c.zoneIds.length));
      }),
    );
  });

  it("an invoice's net and amount due equal the sum of its lines, VAT is on the net, the rest is rounding (BT-114)", () => {
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 30 }), fc.constantFrom(...MONTHS), (subs, m) => {
        const charges = subs.map((s) => monthCharge(s, tables.get(m)!)).filter((c) => c !== null);
        const { lines, total } = draftInvoice(charges);
        const sum = (k: 'netOre' | 'vatOre' | 'grossOre') => lines.reduce((a, l) => a + l[k], 0);
        expect(sum('grossOre')).toBe(total.payableOre);
        expect(sum('netOre')).toBe(total.netOre);
        expect(total.netOre + total.vatOre + total.roundingOre).toBe(total.payableOre);
        expect(total.payableOre).toBe(charges.reduce((a, c) => a + c.priceOre, 0));
        for (const l of lines) {
          expect(l.grossOre).toBe(l.priceOre);
          expect(l.netOre).toBeGreaterThanOrEqual(0);
          expect(l.vatOre).toBeGreaterThanOrEqual(0);
        }
        // EHF BR-CO-17: VAT = taxable amount × 12 %, within the validator's one-unit tolerance.
        expect(Math.abs(total.vatOre - Math.round(total.netOre * 0.12))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('payroll: deduction + company share = price, taxable benefit = price − deduction, nothing negative', () => {
    fc.assert(
      fc.property(
        fc.array(subscription, { maxLength: 20 }),
        subsidy,
        fc.constantFrom(...MONTHS),
        (subs, sd, m) => {
          const rows = subs
            .map((s) => monthCharge(s, tables.get(m)!))
            .filter((c) => c !== null)
            .map((c) => payrollAmounts(c, sd));
          for (const r of rows) {
            expect(r.deductionOre + r.companyShareOre).toBe(r.priceOre);
            expect(r.taxableBenefitOre).toBe(r.priceOre - r.deductionOre);
            expect(Math.min(r.deductionOre, r.companyShareOre, r.taxableBenefitOre)).toBeGreaterThanOrEqual(
              0,
            );
            expect(r).toMatchObject(splitCost(r.priceOre, sd));
          }
          const totals = payrollTotals(rows);
          expect(totals.deductionOre + totals.companyShareOre).toBe(totals.priceOre);
        },
      ),
    );
  });
});
