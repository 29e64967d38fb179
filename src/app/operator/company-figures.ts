import type { Tx } from '../../db/engine';
import { loadCatalog } from '../../db/repositories/catalog';
import {
  contactsOf,
  pendingCounts,
  type SubscriptionSpan,
  subscriptionsValidBetween,
} from '../../db/repositories/operator';
import { MonthPriceTable } from '../../domain/billing';
import {
  firstDayOfMonth,
  isValidOn,
  lastDayOfMonth,
  monthOf,
  osloToday,
  startOfDayOslo,
} from '../../domain/calendar';
import { chargeOf } from '../catalog/price-impact';

export interface CompanyFigures {
  activeTickets: number;
  pendingOrders: number;
  /** This month's amount at full monthly prices (rule 11), tickets valid on at least one day of it. */
  monthlyAmountOre: number;
}

function isActiveNow(s: SubscriptionSpan, today: string, now: Date): boolean {
  return isValidOn(s.startDate, s.endDate, today) && (s.revokedAt === null || s.revokedAt > now);
}

/** Active tickets today, pending orders and this month's amount for each company. */
export async function companyFigures(tx: Tx, companyIds: string[], now: Date) {
  const today = osloToday(now);
  const month = monthOf(today);
  const first = firstDayOfMonth(month);
  const [catalog, spans, pending, contacts] = await Promise.all([
    loadCatalog(tx),
    subscriptionsValidBetween(tx, first, lastDayOfMonth(month), startOfDayOslo(first)),
    pendingCounts(tx, companyIds),
    contactsOf(tx, companyIds),
  ]);
  const table = new MonthPriceTable(catalog.prices, month);
  const figures = new Map<string, CompanyFigures>(
    companyIds.map((id) => [
      id,
      { activeTickets: 0, pendingOrders: pending.get(id) ?? 0, monthlyAmountOre: 0 },
    ]),
  );
  for (const s of spans) {
    const f = figures.get(s.companyId);
    if (!f) continue;
    if (isActiveNow(s, today, now)) f.activeTickets += 1;
    f.monthlyAmountOre += chargeOf(table, s);
  }
  const contactsByCompany = (id: string) =>
    contacts
      .filter((c) => c.companyId === id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        status: c.disabledAt
          ? ('disabled' as const)
          : c.hasPassword
            ? ('active' as const)
            : ('invited' as const),
      }));
  return { figures, contactsByCompany };
}
