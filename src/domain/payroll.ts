import type { IsoDate } from './calendar';
import { type CostSplit, type Ore, type Subsidy, splitCost } from './money';

/** Rule 12: one row of the payroll-deduction basis (lønnstrekkgrunnlag). */
export type PayrollAmounts = CostSplit & { daysValid: number };

export function payrollAmounts(
  charge: { priceOre: Ore; daysValid: number },
  subsidy: Subsidy,
): PayrollAmounts {
  return { ...splitCost(charge.priceOre, subsidy), daysValid: charge.daysValid };
}

/** One row of a company's payroll-deduction basis: the employee, the ticket and the month's money. */
export type PayrollRow = PayrollAmounts & {
  subscriptionId: string;
  firstName: string;
  lastName: string;
  phone: string;
  fields: Record<string, string | number | boolean>;
  ticket: string;
  categoryId: string;
  zoneIds: string[];
  startDate: IsoDate;
  endDate: IsoDate | null;
  /**
   * Issue 15: the company raised the deduction and the employee has not yet agreed; only
   * `consentedDeductionOre` (the amount agreed, øre) may be deducted until then, not `deductionOre`.
   */
  consentMissing: boolean;
  consentedDeductionOre: Ore | null;
};

/** A company's payroll-deduction basis for a month: provisional until the month is billed. */
export type PayrollBasis = {
  month: string;
  final: boolean;
  /** The company's extra fields as columns; `type` says how an export types the cell. */
  fieldColumns: { key: string; label: string; type: 'text' | 'number' | 'select' | 'checkbox' }[];
  rows: PayrollRow[];
  totals: PayrollTotals;
};

export type PayrollTotals = {
  count: number;
  priceOre: Ore;
  companyShareOre: Ore;
  deductionOre: Ore;
  taxableBenefitOre: Ore;
};

export function payrollTotals(rows: CostSplit[]): PayrollTotals {
  const totals: PayrollTotals = {
    count: rows.length,
    priceOre: 0,
    companyShareOre: 0,
    deductionOre: 0,
    taxableBenefitOre: 0,
  };
  for (const r of rows) {
    totals.priceOre += r.priceOre;
    totals.companyShareOre += r.companyShareOre;
    totals.deductionOre += r.deductionOre;
    totals.taxableBenefitOre += r.taxableBenefitOre;
  }
  return totals;
}

/** What an export remembers of a row, to tell what changed by the next one. */
export type PayrollSnapshotRow = {
  subscriptionId: string;
  firstName: string;
  lastName: string;
  endDate: IsoDate | null;
  priceOre: Ore;
  deductionOre: Ore;
};

export type PayrollChanges = {
  started: PayrollSnapshotRow[];
  ended: PayrollSnapshotRow[];
  priceChanged: { before: PayrollSnapshotRow; after: PayrollSnapshotRow }[];
};

/**
 * Rule 12, "changes since the last export": who is new, who ended (gone from the basis or given an
 * end date), and whose price or deduction changed. No previous export: everyone has started.
 */
export function payrollChanges(
  previous: PayrollSnapshotRow[],
  current: PayrollSnapshotRow[],
): PayrollChanges {
  const before = new Map(previous.map((r) => [r.subscriptionId, r]));
  const now = new Map(current.map((r) => [r.subscriptionId, r]));
  const changes: PayrollChanges = { started: [], ended: [], priceChanged: [] };
  for (const row of current) {
    const old = before.get(row.subscriptionId);
    if (!old) {
      changes.started.push(row);
      continue;
    }
    if (row.endDate !== null && row.endDate !== old.endDate) changes.ended.push(row);
    if (row.priceOre !== old.priceOre || row.deductionOre !== old.deductionOre) {
      changes.priceChanged.push({ before: old, after: row });
    }
  }
  for (const old of previous) if (!now.has(old.subscriptionId)) changes.ended.push(old);
  return changes;
}
