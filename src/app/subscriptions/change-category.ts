import { and, eq } from 'drizzle-orm';
import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { type CatalogSnapshot, loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { openConsentOf } from '../../db/repositories/deduction-consents';
import type { SubscriptionRow } from '../../db/repositories/subscriptions';
import {
  closeZoneSetsAt,
  findSubscription,
  type SubscriptionWithZones,
  updateSubscription,
} from '../../db/repositories/subscriptions';
import { setTicketTokenHash } from '../../db/repositories/tickets';
import { subscriptions } from '../../db/schema';
import { MonthPriceTable, monthCharge } from '../../domain/billing';
import { addMonths, compareDates, monthOf, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { splitCost } from '../../domain/money';
import { type CategoryChange, type ChangeEffective, categoryChange } from '../../domain/subscription';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { settleCredentials } from '../tickets/settle-credentials';
import { createSubscription } from './create-subscription';
import { monthlySplit, reconsiderConsent } from './deduction-consent';
import { consentLink, smsEmployee, ticketUrl } from './notify';
import { toSubscriptionDto } from './to-dto';

type Input = { actor: CompanyAdminActor; id: string; categoryId: string; effective: ChangeEffective };

/** The zones the new subscription starts with: those in force (or planned) on its start date. */
function zonesFrom(sub: SubscriptionWithZones, date: string): string[] {
  const started = sub.zoneSets.filter((z) => compareDates(z.validFrom, date) <= 0);
  return (started.at(-1) ?? sub.zoneSets[0])?.zoneIds ?? [];
}

function assertNewCategory(catalog: CatalogSnapshot, sub: SubscriptionWithZones, categoryId: string) {
  if (!catalog.categories.some((c) => c.id === categoryId && c.active)) {
    throw new AppError('CATEGORY_UNKNOWN', { details: { categoryId } });
  }
  if (categoryId === sub.categoryId) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.categoryId', message: 'already the current category' }],
    });
  }
}

async function loadPlan(ctx: AppContext, tx: Tx, input: Input, forUpdate: boolean) {
  const now = ctx.clock.now();
  const sub = await findSubscription(tx, input.actor.companyId, input.id, { forUpdate });
  if (!sub) throw new AppError('NOT_FOUND');
  // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
  assertInDepartmentScope(input.actor, sub.departmentId);
  const catalog = await loadCatalog(tx);
  return { now, sub, catalog };
}

/**
 * Rule 9, before confirming: what the change costs. Per month from this one to the new start,
 * the old and the new subscription's full price; with "now" this month is billed for both.
 */
export async function previewCategoryChange(ctx: AppContext, input: Input) {
  const { now, sub, catalog } = await loadPlan(ctx, ctx.db, input, false);
  assertNewCategory(catalog, sub, input.categoryId);
  const today = osloToday(now);
  const change = categoryChange(sub, input.effective, today, now);
  const zoneIds = zonesFrom(sub, change.newStartDate);
  const oldAfter = {
    ...sub,
    state: change.oldCancelled ? ('cancelled' as const) : sub.state,
    endDate: change.oldEndDate ?? sub.endDate,
  };
  const newSub = {
    id: 'new',
    state: 'approved' as const,
    categoryId: input.categoryId,
    startDate: change.newStartDate,
    endDate: change.newEndDate,
    zoneSets: [{ zoneIds, validFrom: change.newStartDate, validTo: null }],
  };
  const thisMonth = monthOf(today);
  const months = [...new Set([thisMonth, addMonths(thisMonth, 1), monthOf(change.newStartDate)])].sort();
  const rows = months.map((month) => {
    const table = new MonthPriceTable(catalog.prices, month);
    const oldPriceOre = monthCharge(oldAfter, table)?.priceOre ?? null;
    const newPriceOre = monthCharge(newSub, table)?.priceOre ?? null;
    return { month, oldPriceOre, newPriceOre, totalOre: (oldPriceOre ?? 0) + (newPriceOre ?? 0) };
  });
  const company = await findCompany(ctx.db, input.actor.companyId);
  const newMonthlyPriceOre = new MonthPriceTable(catalog.prices, monthOf(change.newStartDate)).price(
    input.categoryId,
    zoneIds.length,
  );
  return {
    effective: input.effective,
    categoryId: input.categoryId,
    oldCancelled: change.oldCancelled,
    oldEndDate: change.oldEndDate,
    newStartDate: change.newStartDate,
    months: rows,
    billedTwiceMonths: rows
      .filter((r) => r.oldPriceOre !== null && r.newPriceOre !== null)
      .map((r) => r.month),
    newMonthly: splitCost(newMonthlyPriceOre, company?.subsidy ?? { type: 'none' }),
  };
}

async function endOld(tx: Tx, input: Input, sub: SubscriptionWithZones, change: CategoryChange, now: Date) {
  const { companyId } = input.actor;
  if (change.oldCancelled) {
    await updateSubscription(tx, companyId, sub.id, { state: 'cancelled' }, now);
    await settleCredentials(tx, sub.id, now);
    return;
  }
  await updateSubscription(
    tx,
    companyId,
    sub.id,
    { endDate: change.oldEndDate, revokedAt: change.oldRevokedAt },
    now,
  );
  await closeZoneSetsAt(tx, sub.id, change.oldEndDate);
  await settleCredentials(tx, sub.id, now);
}

/**
 * Issue 15: the employee learns that the old ticket ends (or never starts), when the new one
 * replaces it and the new deduction; a deduction raised above what they agreed to needs consent.
 */
async function notifyCategoryChange(
  tx: Tx,
  ctx: AppContext,
  input: {
    old: SubscriptionWithZones;
    created: SubscriptionRow;
    change: CategoryChange;
    zoneIds: string[];
    catalog: CatalogSnapshot;
  },
) {
  const { old, created, change, zoneIds, catalog } = input;
  const subsidy = (await findCompany(tx, old.companyId))?.subsidy ?? { type: 'none' as const };
  const from = change.newStartDate;
  const previous = monthlySplit(
    catalog.prices,
    subsidy,
    { categoryId: old.categoryId, zoneCount: zoneIds.length },
    from,
  );
  const next = monthlySplit(
    catalog.prices,
    subsidy,
    { categoryId: created.categoryId, zoneCount: zoneIds.length },
    from,
  );
  const carried = await openConsentOf(tx, old.companyId, old.id);
  const consent =
    previous && next
      ? await reconsiderConsent(tx, ctx, {
          companyId: created.companyId,
          subscription: created,
          reason: 'category',
          previousDeductionOre: previous.deductionOre,
          next,
          from,
          carriedConsentedOre: carried?.consentedDeductionOre ?? null,
        })
      : null;
  const category = catalog.categories.find((c) => c.id === created.categoryId);
  // The new ticket's link: only its SHA-256 is kept, set when this SMS is really queued.
  const token = randomToken();
  const queued = await smsEmployee(
    tx,
    ctx,
    created,
    'category_changed',
    {
      categoryName: {
        nb: category?.name ?? created.categoryId,
        en: category?.nameEn || (category?.name ?? created.categoryId),
      },
      oldEndsOn: change.oldEndDate,
      newStartsOn: from,
      deductionOre: next?.deductionOre ?? null,
      ticketUrl: ticketUrl(ctx, token),
      consentUrl: consent ? await consentLink(tx, ctx, created.companyId) : null,
    },
    `category-changed:${created.id}`,
  );
  if (queued) await setTicketTokenHash(tx, created.id, sha256(token));
}

/**
 * Rule 9: a category change ends the current subscription and creates a new, approved one (new
 * ticket link by SMS). Next month (default): old ends this month, new starts the 1st; now: both
 * today. A repeated request returns the pair already made.
 */
export async function changeCategory(ctx: AppContext, input: Input) {
  assertCanChange(input.actor);
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const { now, sub, catalog } = await loadPlan(ctx, tx, input, true);
    const [existing] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.replacesId, sub.id)));
    const already = existing ? await findSubscription(tx, companyId, existing.id) : null;
    if (already && already.categoryId === input.categoryId) {
      return { ended: toSubscriptionDto(sub, now), created: toSubscriptionDto(already, now) };
    }
    assertNewCategory(catalog, sub, input.categoryId);
    const change = categoryChange(sub, input.effective, osloToday(now), now);
    const zoneIds = zonesFrom(sub, change.newStartDate);
    await endOld(tx, input, sub, change, now);
    const { subscription: created } = await createSubscription(tx, ctx, {
      actor: input.actor,
      companyId,
      phone: sub.phone,
      firstName: sub.firstName,
      lastName: sub.lastName,
      categoryId: input.categoryId,
      zoneIds,
      startDate: change.newStartDate,
      endDate: change.newEndDate,
      state: 'approved',
      source: 'category_change',
      fields: sub.fields,
      departmentId: sub.departmentId,
      consent: sub.consent,
      replacesId: sub.id,
      notify: false,
    });
    await notifyCategoryChange(tx, ctx, { old: sub, created, change, zoneIds, catalog });
    const ended = await findSubscription(tx, companyId, sub.id);
    if (!ended) throw new AppError('NOT_FOUND');
    const endedDto = toSubscriptionDto(ended, now);
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.category_changed',
      entityType: 'subscription',
      entityId: sub.id,
      before: {
        categoryId: sub.categoryId,
        status: toSubscriptionDto(sub, now).status,
        endDate: sub.endDate,
      },
      after: {
        categoryId: input.categoryId,
        effective: input.effective,
        status: endedDto.status,
        endDate: endedDto.endDate,
        newSubscriptionId: created.id,
        newStartDate: change.newStartDate,
      },
    });
    return { ended: endedDto, created: toSubscriptionDto(created, now) };
  });
}
