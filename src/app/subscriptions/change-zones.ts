import type { Tx } from '../../db/engine';
import { type CatalogSnapshot, loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import {
  findSubscription,
  replaceZoneSetsFrom,
  type SubscriptionWithZones,
  updateSubscription,
} from '../../db/repositories/subscriptions';
import { MonthPriceTable, monthCharge } from '../../domain/billing';
import { compareDates, type IsoDate, monthOf, osloToday } from '../../domain/calendar';
import { validateZoneSelection } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { type ChangeEffective, zoneChangeFrom } from '../../domain/subscription';
import { recordAudit } from '../audit';
import {
  type AppContext,
  assertCanChange,
  assertInDepartmentScope,
  type CompanyAdminActor,
} from '../context';
import { settleCredentials } from '../tickets/settle-credentials';
import { monthlySplit, reconsiderConsent } from './deduction-consent';
import { consentLink, smsEmployee } from './notify';
import { toSubscriptionDto } from './to-dto';

/**
 * Rule 8: the admin changes the zones from the 1st of next month (default) or now. The employee
 * gets an SMS with the zones, the date and the new monthly deduction; a deduction raised above
 * what they agreed to opens a consent request (issue 15) and the SMS links to it.
 */
export async function changeZones(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; zoneIds: string[]; effective: ChangeEffective },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const today = osloToday(now);
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
    // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
    assertInDepartmentScope(input.actor, sub.departmentId);
    const from = zoneChangeFrom(sub, input.effective, today);
    const catalog = await loadCatalog(tx);
    const zoneIds = validateZoneSelection(input.zoneIds, catalog.zones);
    // Already these zones from `from` on (a repeated click, or no change at all): write nothing.
    const last = sub.zoneSets.at(-1);
    if (last && last.validFrom <= from && sameZones(last.zoneIds, zoneIds))
      return toSubscriptionDto(sub, now);
    const before = toSubscriptionDto(sub, now);
    await replaceZoneSetsFrom(tx, sub, zoneIds, from);
    await updateSubscription(tx, companyId, sub.id, {}, now);
    // Issue 13 (H2): credentials carrying a zone cut from `from` on go on the revocation list.
    await settleCredentials(tx, sub.id, now);
    const updated = await findSubscription(tx, companyId, sub.id);
    if (!updated) throw new AppError('NOT_FOUND');
    const after = toSubscriptionDto(updated, now);
    await notifyZoneChange(tx, ctx, { sub, updated, zoneIds, from, catalog });
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'subscription.zones_changed',
      entityType: 'subscription',
      entityId: sub.id,
      before: { zoneIds: before.zoneIds, zoneSets: sub.zoneSets.map(plainSet) },
      after: { zoneIds, from, effective: input.effective, zoneSets: updated.zoneSets.map(plainSet) },
    });
    return after;
  });
}

/** The zones in force on `date`: the newest set that had begun by then. */
function zonesOn(sub: SubscriptionWithZones, date: IsoDate): string[] {
  const begun = sub.zoneSets.filter((z) => compareDates(z.validFrom, date) <= 0);
  return (begun.at(-1) ?? sub.zoneSets[0])?.zoneIds ?? [];
}

async function notifyZoneChange(
  tx: Tx,
  ctx: AppContext,
  change: {
    sub: SubscriptionWithZones;
    updated: SubscriptionWithZones;
    zoneIds: string[];
    from: IsoDate;
    catalog: CatalogSnapshot;
  },
) {
  const { sub, updated, zoneIds, from, catalog } = change;
  const company = await findCompany(tx, sub.companyId);
  const subsidy = company?.subsidy ?? { type: 'none' as const };
  const ticket = (ids: string[]) => ({ categoryId: sub.categoryId, zoneCount: ids.length });
  const previous = monthlySplit(catalog.prices, subsidy, ticket(zonesOn(sub, from)), from);
  // The month of the change is billed at the dearest zone set in force in it (rule 8): zones
  // raised and cut back within a month leave the raised price on that month, and the consent
  // stays needed for it (hostile check, issue 15).
  const billedZones = dearestZonesOfMonth(updated, from, catalog);
  const next = monthlySplit(catalog.prices, subsidy, ticket(billedZones ?? zoneIds), from);
  const consent =
    previous && next
      ? await reconsiderConsent(tx, ctx, {
          companyId: sub.companyId,
          subscription: sub,
          reason: 'zones',
          previousDeductionOre: previous.deductionOre,
          next,
          from,
        })
      : null;
  const names = zoneIds.map((id) => catalog.zones.find((z) => z.id === id)?.name ?? id);
  await smsEmployee(
    tx,
    ctx,
    sub,
    'zones_changed',
    {
      zoneNames: names,
      from,
      deductionOre: next?.deductionOre ?? null,
      previousDeductionOre: previous?.deductionOre ?? null,
      consentUrl: consent ? await consentLink(tx, ctx, sub.companyId) : null,
    },
    // The state before the change is part of the key: a change back and forth again is news.
    `zones-changed:${sub.id}:${from}:${[...zoneIds].sort().join(',')}:${sub.updatedAt.getTime()}`,
  );
}

function sameZones(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function plainSet(z: { zoneIds: string[]; validFrom: string; validTo: string | null }) {
  return { zoneIds: z.zoneIds, validFrom: z.validFrom, validTo: z.validTo };
}

/**
 * The zones the month of `date` is billed at after the change: the dearest set in force in it
 * (rule 8, `monthCharge`), or null when the month bills nothing yet (an order not approved, no
 * price). Zones raised and cut back within a month leave the raised price on that month, so the
 * consent stays needed for it (hostile check, issue 15).
 */
function dearestZonesOfMonth(
  sub: SubscriptionWithZones,
  date: IsoDate,
  catalog: CatalogSnapshot,
): string[] | null {
  try {
    return monthCharge(sub, new MonthPriceTable(catalog.prices, monthOf(date)))?.zoneIds ?? null;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'PRICE_MISSING' || error.code === 'ZONES_REQUIRED'))
      return null;
    throw error;
  }
}
