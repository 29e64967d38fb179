import {
  addDays,
  firstDayOfMonth,
  type IsoDate,
  lastDayOfMonth,
  monthOf,
  previousMonth,
  toPlainYearMonth,
  type YearMonth,
} from './calendar';
import { MAX_PRICED_ZONES, type PriceVersion, priceForMonth } from './catalog';
import { AppError } from './errors';
import { type InvoiceTotals, invoiceAmounts, type Ore, type VatSplit } from './money';
import type { StoredState } from './subscription';

/** A zone set of a subscription (rule 8); validTo inclusive, null = still in force. */
export type ZoneSetPeriod = { zoneIds: string[]; validFrom: IsoDate; validTo: IsoDate | null };

export type BillableSubscription = {
  id: string;
  state: StoredState;
  categoryId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  zoneSets: ZoneSetPeriod[];
};

/**
 * Rule 8: the zone sets after a change to `zoneIds` from `from` on: sets starting on or after
 * `from` give way, the set in force then ends the day before, and the new set runs open-ended.
 * (The database does the same in `replaceZoneSetsFrom`; this is its pure twin, for previews.)
 */
export function zoneSetsWithChange(sets: ZoneSetPeriod[], zoneIds: string[], from: IsoDate): ZoneSetPeriod[] {
  const kept = sets
    .filter((z) => z.validFrom < from)
    .map((z) => (z.validTo === null || z.validTo >= from ? { ...z, validTo: addDays(from, -1) } : z));
  return [...kept, { zoneIds, validFrom: from, validTo: null }];
}

/** What one subscription costs for one month: the full monthly price (rule 11). */
export type MonthCharge = {
  subscriptionId: string;
  daysValid: number;
  priceOre: Ore;
  categoryId: string;
  /** The zone set the price came from (the dearest one in force, rule 8). */
  zoneIds: string[];
};

// ISO dates 'YYYY-MM-DD' order as strings; the billing run prices 100 000 subscriptions, so the
// hot path compares strings instead of building Temporal objects.
const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

function dayNumber(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}

/** The days of month m the subscription is valid, [from, to] inclusive; null when none. */
export function validPeriodInMonth(
  sub: Pick<BillableSubscription, 'startDate' | 'endDate'>,
  m: YearMonth | { first: IsoDate; last: IsoDate },
): { from: IsoDate; to: IsoDate } | null {
  const first = typeof m === 'string' ? firstDayOfMonth(m) : m.first;
  const last = typeof m === 'string' ? lastDayOfMonth(m) : m.last;
  const from = later(sub.startDate, first);
  const to = sub.endDate === null ? last : earlier(sub.endDate, last);
  return from > to ? null : { from, to };
}

/**
 * Monthly prices valid on the month's first day (rule 1), by category and priced zone count,
 * computed once per run instead of once per line.
 */
export class MonthPriceTable {
  private readonly cache = new Map<string, Ore>();
  readonly first: IsoDate;
  readonly last: IsoDate;
  constructor(
    private readonly prices: PriceVersion[],
    readonly month: YearMonth,
  ) {
    this.first = firstDayOfMonth(month);
    this.last = lastDayOfMonth(month);
  }

  price(categoryId: string, zoneCount: number): Ore {
    const key = `${categoryId}\u0000${Math.min(zoneCount, MAX_PRICED_ZONES)}`;
    let price = this.cache.get(key);
    if (price === undefined) {
      price = priceForMonth(this.prices, categoryId, zoneCount, this.month);
      this.cache.set(key, price);
    }
    return price;
  }
}

/**
 * Rule 11: an approved subscription valid on at least one day of the month costs the full monthly
 * price; pending, rejected and cancelled ones cost nothing. Rule 8: with several zone sets in force
 * during those days, the dearest counts.
 */
export function monthCharge(sub: BillableSubscription, table: MonthPriceTable): MonthCharge | null {
  if (sub.state !== 'approved') return null;
  const period = validPeriodInMonth(sub, table);
  if (!period) return null;
  let best: { priceOre: Ore; zoneIds: string[] } | null = null;
  for (const set of sub.zoneSets) {
    if (set.validFrom > period.to || (set.validTo !== null && set.validTo < period.from)) continue;
    const priceOre = table.price(sub.categoryId, set.zoneIds.length);
    if (!best || priceOre > best.priceOre) best = { priceOre, zoneIds: set.zoneIds };
  }
  if (!best) {
    throw new AppError('ZONES_REQUIRED', { details: { subscriptionId: sub.id, month: table.month } });
  }
  return {
    subscriptionId: sub.id,
    daysValid: dayNumber(period.to) - dayNumber(period.from) + 1,
    priceOre: best.priceOre,
    categoryId: sub.categoryId,
    zoneIds: best.zoneIds,
  };
}

/** Rule 11: a month is billed only once it has ended (on the 1st for the month just ended). */
export function assertMonthClosed(m: YearMonth, today: IsoDate): void {
  toPlainYearMonth(m);
  if (m >= monthOf(today)) {
    throw new AppError('BILLING_MONTH_OPEN', { details: { month: m, today }, params: { month: m } });
  }
}

/** The month the scheduled run on the 1st bills. */
export function monthJustEnded(today: IsoDate): YearMonth {
  return previousMonth(monthOf(today));
}

export type DraftLine<T> = T & VatSplit;

/**
 * An invoice's amounts from its charges (øre, VAT included): each line split on its own, VAT 12 %
 * on the sum of the nets, the difference to the sum of the prices as the rounding amount (BT-114);
 * see invoiceAmounts.
 */
export function draftInvoice<T extends { priceOre: Ore }>(
  charges: T[],
): { lines: DraftLine<T>[]; total: InvoiceTotals } {
  const { lines, total } = invoiceAmounts(charges.map((c) => c.priceOre));
  return { lines: charges.map((c, i) => ({ ...c, ...lines[i]! })), total };
}

/** Everything an invoice output (PDF, EHF, CSV) shows; amounts positive, the kind says credit. */
export type InvoiceDocument = {
  kind: 'invoice' | 'credit_note';
  number: number;
  month: YearMonth;
  issueDate: IsoDate;
  dueDate: IsoDate;
  kid: string;
  note: string | null;
  /** For a credit note: the invoice it credits. */
  credits: { number: number; issueDate: IsoDate } | null;
  seller: {
    orgNumber: string;
    vatId: string;
    name: string;
    street: string;
    postalCode: string;
    city: string;
    countryCode: string;
    email: string;
    phone: string;
    bankAccount: string;
    paymentTermsDays: number;
  };
  buyer: {
    orgNumber: string;
    name: string;
    street: string;
    postalCode: string;
    city: string;
    reference: string;
    /** The Peppol endpoint (EHF EndpointID); absent = the organisation number under 0192. */
    endpoint?: { scheme: string; id: string };
  };
  /** The department whose own invoice this is (issue 16 item 3), else null/absent. */
  department?: { name: string; costCentre: string } | null;
  lines: {
    lineNo: number;
    subscriptionId: string | null;
    holderName: string;
    description: string;
    netOre: Ore;
    vatOre: Ore;
    grossOre: Ore;
    /** The subscription's department at billing and its cost centre (EN 16931 BT-133). */
    departmentName?: string | null;
    costCentre?: string | null;
  }[];
  /** BT-109: the sum of the line nets. */
  netOre: Ore;
  /** BT-110: VAT on netOre. */
  vatOre: Ore;
  /** BT-114: totalOre − netOre − vatOre, a few øre either way. */
  roundingOre: Ore;
  /** BT-115: the amount due, the sum of the line prices. */
  totalOre: Ore;
};

/** One department's lines on an invoice and their sums (issue 16 item 3); name null = none. */
export type DepartmentGroup<L> = {
  name: string | null;
  costCentre: string | null;
  lines: L[];
  netOre: Ore;
  grossOre: Ore;
};

/**
 * Issue 16 item 3: an invoice's lines grouped by department in line order (the billing run writes
 * each department's lines together), each group with its net and gross subtotal in øre.
 */
export function groupLinesByDepartment<
  L extends { departmentName?: string | null; costCentre?: string | null; netOre: Ore; grossOre: Ore },
>(lines: L[]): DepartmentGroup<L>[] {
  const groups: DepartmentGroup<L>[] = [];
  for (const line of lines) {
    const name = line.departmentName ?? null;
    const costCentre = line.costCentre ?? null;
    let group = groups.at(-1);
    if (!group || group.name !== name || group.costCentre !== costCentre) {
      group = { name, costCentre, lines: [], netOre: 0, grossOre: 0 };
      groups.push(group);
    }
    group.lines.push(line);
    group.netOre += line.netOre;
    group.grossOre += line.grossOre;
  }
  return groups;
}
