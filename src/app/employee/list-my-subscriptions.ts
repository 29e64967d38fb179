import { loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { listSubscriptions } from '../../db/repositories/subscriptions';
import { maxDate, osloToday } from '../../domain/calendar';
import type { AppContext, EmployeeActor } from '../context';
import { monthlySplit } from '../subscriptions/deduction-consent';
import { type SubscriptionDto, toSubscriptionDto } from '../subscriptions/to-dto';

/** One subscription as its employee sees it: what it costs them, and the way to the ticket. */
export interface MySubscriptionDto extends SubscriptionDto {
  /** The month's full price, the company's share and the employee's own deduction (øre), in the
   * month that is running (or the first month, before the start); null when the list has no price. */
  monthlyPriceOre: number | null;
  companyShareOre: number | null;
  deductionOre: number | null;
  /** The wallet's path (`/billett/{token}`) while the ticket is approved or active; else null. */
  ticketPath: string | null;
}

/**
 * "Dine abonnement" (issue 15 item 4): the employee's subscriptions in this company, newest first,
 * each with the monthly price, the company's share and the own deduction under the company's
 * current subsidy, and the link to the ticket while it can be used.
 */
export async function listMySubscriptions(
  ctx: AppContext,
  input: { actor: EmployeeActor },
): Promise<MySubscriptionDto[]> {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const { companyId, phone } = input.actor;
  const rows = await listSubscriptions(ctx.db, companyId, { phone });
  if (rows.length === 0) return [];
  const company = await findCompany(ctx.db, companyId);
  const { prices } = await loadCatalog(ctx.db);
  return rows.map((row) => {
    const dto = toSubscriptionDto(row, now);
    const split = monthlySplit(
      prices,
      company?.subsidy ?? { type: 'none' },
      { categoryId: dto.categoryId, zoneCount: dto.zoneIds.length },
      maxDate(today, dto.startDate),
    );
    const usable = (dto.status === 'approved' || dto.status === 'active') && dto.revokedAt === null;
    return {
      ...dto,
      monthlyPriceOre: split?.priceOre ?? null,
      companyShareOre: split?.companyShareOre ?? null,
      deductionOre: split?.deductionOre ?? null,
      // The ticket link's token is stored only as its hash (issue 12.9), so the link is the wallet,
      // which holds the ticket on the device it was opened on (issue 13).
      ticketPath: usable ? '/billett' : null,
    };
  });
}
