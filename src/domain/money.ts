import { AppError } from './errors';

/** Money in øre (NOK/100), always a safe integer. */
export type Ore = number;

/** Passenger transport in Norway: prices include 12 % VAT. */
export const VAT_PERCENT = 12;

export type VatSplit = { netOre: Ore; vatOre: Ore; grossOre: Ore };

export function assertOre(n: number): Ore {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new AppError('VALIDATION_FAILED', { details: { field: 'ore', value: n } });
  }
  return n;
}

/** round(a / b) half-up for a ≥ 0, b > 0, in exact integer math. */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

function assertVatPercent(rate: number): bigint {
  if (!Number.isInteger(rate) || rate < 0 || rate > 100) {
    throw new AppError('VALIDATION_FAILED', { details: { field: 'vatPercent', value: rate } });
  }
  return BigInt(rate);
}

/** Net part of a VAT-inclusive amount, rounded half-up to whole øre. */
function netOf(grossOre: Ore, rate: bigint): Ore {
  return Number(divRoundHalfUp(BigInt(assertOre(grossOre)) * 100n, 100n + rate));
}

export function splitGross(grossOre: Ore, vatPercent = VAT_PERCENT): VatSplit {
  const netOre = netOf(grossOre, assertVatPercent(vatPercent));
  return { netOre, vatOre: grossOre - netOre, grossOre };
}

/**
 * An invoice's totals in øre (EN 16931): BT-106/BT-109 the sum of the line nets, BT-110 the VAT
 * on that sum, BT-114 the rounding amount and BT-115 the amount due (= the sum of the prices).
 */
export type InvoiceTotals = { netOre: Ore; vatOre: Ore; roundingOre: Ore; payableOre: Ore };

/**
 * The amounts of an invoice whose lines are VAT-inclusive prices (issue 14 item 7: equal tickets,
 * equal lines). Each line is split on its own (`splitGross`), so identical prices always get
 * identical net and VAT, on every invoice and in every month. The invoice's VAT is computed once,
 * on the sum of the line nets (EN 16931 BR-CO-17: taxable amount × rate, rounded half-up to whole
 * øre), and what the customer pays stays the sum of the prices: the difference between that and
 * net + VAT is the invoice's rounding amount (BT-114, `cbc:PayableRoundingAmount`, BR-CO-16), a
 * few øre either way. Takes the line prices (øre, VAT included) and the rate in whole percent.
 * Throws VALIDATION_FAILED for a negative or fractional amount or a rate outside 0–100.
 */
export function invoiceAmounts(
  grossLines: Ore[],
  vatPercent = VAT_PERCENT,
): { lines: VatSplit[]; total: InvoiceTotals } {
  const rate = assertVatPercent(vatPercent);
  const lines = grossLines.map((g) => splitGross(g, vatPercent));
  const netOre = lines.reduce((sum, l) => sum + l.netOre, 0);
  const payableOre = lines.reduce((sum, l) => sum + l.grossOre, 0);
  const vatOre = Number(divRoundHalfUp(BigInt(netOre) * rate, 100n));
  return { lines, total: { netOre, vatOre, roundingOre: payableOre - netOre - vatOre, payableOre } };
}

/** The company's share of the monthly price (rule 2): none, a percentage or a fixed amount per month. */
export type Subsidy = { type: 'none' } | { type: 'percent'; value: number } | { type: 'fixed'; value: Ore };

export type CostSplit = {
  priceOre: Ore;
  companyShareOre: Ore;
  /** What the employee pays by salary deduction: price − share. */
  deductionOre: Ore;
  /** Benefit in kind for the a-melding: price − deduction (= the company's share). */
  taxableBenefitOre: Ore;
};

/** Percent with at most 2 decimals, as an integer count of hundredths (12.5 → 1250). */
function percentHundredths(value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > 100) return null;
  const hundredths = Math.round(value * 100);
  return Math.abs(value * 100 - hundredths) < 1e-6 ? hundredths : null;
}

export function validateSubsidy(s: Subsidy): Subsidy {
  const invalid = () => new AppError('SUBSIDY_INVALID', { details: { subsidy: s } });
  if (!s || typeof s !== 'object') throw invalid();
  switch (s.type) {
    case 'none':
      return { type: 'none' };
    case 'percent':
      if (typeof s.value !== 'number' || percentHundredths(s.value) === null) throw invalid();
      return { type: 'percent', value: s.value };
    case 'fixed':
      if (!Number.isSafeInteger(s.value) || s.value < 0) throw invalid();
      return { type: 'fixed', value: s.value };
    default:
      throw invalid();
  }
}

function companyShare(priceOre: Ore, subsidy: Subsidy): Ore {
  switch (subsidy.type) {
    case 'none':
      return 0;
    case 'percent': {
      const hundredths = BigInt(percentHundredths(subsidy.value)!);
      return Number(divRoundHalfUp(BigInt(priceOre) * hundredths, 10_000n));
    }
    case 'fixed':
      return Math.min(subsidy.value, priceOre);
  }
}

export function splitCost(priceOre: Ore, subsidy: Subsidy): CostSplit {
  assertOre(priceOre);
  const companyShareOre = companyShare(priceOre, validateSubsidy(subsidy));
  const deductionOre = priceOre - companyShareOre;
  return { priceOre, companyShareOre, deductionOre, taxableBenefitOre: priceOre - deductionOre };
}

function groupThousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function kronerAndOre(ore: number): { sign: string; kroner: number; cents: string } {
  if (!Number.isSafeInteger(ore)) throw new AppError('VALIDATION_FAILED', { details: { value: ore } });
  const abs = Math.abs(ore);
  return {
    sign: ore < 0 ? '-' : '',
    kroner: Math.floor(abs / 100),
    cents: String(abs % 100).padStart(2, '0'),
  };
}

/**
 * nb: '1 234,50 kr', en: 'NOK 1,234.50'. The nb thousands separator and the space before 'kr'
 * are ordinary spaces (U+0020), not NBSP. Negative amounts (credit notes) get a leading '-'.
 */
export function formatNok(ore: Ore, locale: 'nb' | 'en'): string {
  const { sign, kroner, cents } = kronerAndOre(ore);
  return locale === 'nb'
    ? `${sign}${groupThousands(kroner, ' ')},${cents} kr`
    : `${sign}NOK ${groupThousands(kroner, ',')}.${cents}`;
}

/** For payroll CSV: '1234,50' — no thousands separator, decimal comma. */
export function formatOreDecimalComma(ore: Ore): string {
  const { sign, kroner, cents } = kronerAndOre(ore);
  return `${sign}${kroner},${cents}`;
}
