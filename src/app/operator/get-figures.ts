import {
  allCompanyNames,
  invoicedByMonth,
  ordersCreatedSince,
  pendingCreatedBefore,
  type SubscriptionSpan,
  subscriptionsValidBetween,
} from '../../db/repositories/operator';
import { validPeriodInMonth } from '../../domain/billing';
import {
  addDays,
  addMonths,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  osloToday,
  startOfDayOslo,
} from '../../domain/calendar';
import type { AppContext } from '../context';

export const PENDING_OVERDUE_DAYS = 3;
const ORDER_DAYS = 30;

function billedIn(s: SubscriptionSpan, month: string): boolean {
  if (!validPeriodInMonth(s, month)) return false;
  return s.revokedAt === null || s.revokedAt >= startOfDayOslo(firstDayOfMonth(month));
}

/**
 * The operator's figures, in total or for one company: tickets valid in each of the last months
 * (billed months, rule 11), the invoiced amount per month (live invoices), orders per day for 30
 * days, and pending orders waiting more than three days.
 */
export async function getFigures(ctx: AppContext, input: { companyId?: string; months: number }) {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const last = monthOf(today);
  const months = Array.from({ length: input.months }, (_, i) => addMonths(last, i - input.months + 1));
  const first = firstDayOfMonth(months[0]!);
  const orderFrom = addDays(today, -(ORDER_DAYS - 1));
  const [spans, invoiced, orders, overdue, names] = await Promise.all([
    subscriptionsValidBetween(ctx.db, first, lastDayOfMonth(last), startOfDayOslo(first), input.companyId),
    invoicedByMonth(ctx.db, months[0]!, last, input.companyId),
    ordersCreatedSince(ctx.db, startOfDayOslo(orderFrom), input.companyId),
    pendingCreatedBefore(
      ctx.db,
      new Date(now.getTime() - PENDING_OVERDUE_DAYS * 86_400_000),
      input.companyId,
    ),
    allCompanyNames(ctx.db),
  ]);
  const days = Array.from({ length: ORDER_DAYS }, (_, i) => addDays(orderFrom, i));
  const orderDates = orders.map((o) => ({ companyId: o.companyId, date: osloToday(o.createdAt) }));
  const companies = names.filter((c) => !input.companyId || c.id === input.companyId);
  return {
    months,
    activeTickets: months.map((month) => ({ month, count: spans.filter((s) => billedIn(s, month)).length })),
    invoiced: months.map((month) => ({
      month,
      totalOre: invoiced.filter((r) => r.month === month).reduce((sum, r) => sum + r.totalOre, 0),
    })),
    ordersPerDay: days.map((date) => ({ date, count: orderDates.filter((o) => o.date === date).length })),
    pendingOverdue: overdue.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    byCompany: companies.map((c) => ({
      companyId: c.id,
      name: c.name,
      status: c.status,
      activeTickets: spans.filter((s) => s.companyId === c.id && billedIn(s, last)).length,
      invoicedOre: invoiced
        .filter((r) => r.companyId === c.id && r.month === addMonths(last, -1))
        .reduce((sum, r) => sum + r.totalOre, 0),
      orders: orderDates.filter((o) => o.companyId === c.id).length,
      pendingOverdue: overdue.filter((p) => p.companyId === c.id).length,
    })),
  };
}
