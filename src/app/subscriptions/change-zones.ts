import { loadCatalog } from '../../db/repositories/catalog';
import {
  findSubscription,
  replaceZoneSetsFrom,
  updateSubscription,
} from '../../db/repositories/subscriptions';
import { osloToday } from '../../domain/calendar';
import { validateZoneSelection } from '../../domain/catalog';
import { AppError } from '../../domain/errors';
import { type ChangeEffective, zoneChangeFrom } from '../../domain/subscription';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor } from '../context';
import { toSubscriptionDto } from './to-dto';

/** Rule 8: the admin changes the zones from the 1st of next month (default) or now. */
export async function changeZones(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; zoneIds: string[]; effective: ChangeEffective },
) {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, companyId, input.id, { forUpdate: true });
    if (!sub) throw new AppError('NOT_FOUND');
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
    const updated = await findSubscription(tx, companyId, sub.id);
    if (!updated) throw new AppError('NOT_FOUND');
    const after = toSubscriptionDto(updated, now);
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

function sameZones(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function plainSet(z: { zoneIds: string[]; validFrom: string; validTo: string | null }) {
  return { zoneIds: z.zoneIds, validFrom: z.validFrom, validTo: z.validTo };
}
