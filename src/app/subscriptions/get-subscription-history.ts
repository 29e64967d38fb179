import { and, eq } from 'drizzle-orm';
import { listCompanyAudit } from '../../db/repositories/audit';
import { findSubscription } from '../../db/repositories/subscriptions';
import { subscriptions } from '../../db/schema';
import type { AuditLang } from '../../domain/audit-text';
import { AppError } from '../../domain/errors';
import { describeEntries } from '../audit/list-audit';
import { type AppContext, assertInDepartmentScope, type CompanyAdminActor } from '../context';
import { toSubscriptionDto } from './to-dto';

/**
 * One subscription of the admin's company with its zone sets and its history from the audit log,
 * oldest first, each entry a sentence in the reader's language (issue 16, item 7).
 */
export async function getSubscriptionWithHistory(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; id: string; lang?: AuditLang },
) {
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  const sub = await findSubscription(ctx.db, companyId, input.id);
  if (!sub) throw new AppError('NOT_FOUND');
  // Issue 16 item 4: a department admin reaches only their departments' subscriptions.
  assertInDepartmentScope(input.actor, sub.departmentId);
  const [history, replacement] = await Promise.all([
    listCompanyAudit(ctx.db, companyId, { limit: 500, filter: { subscriptionIds: [sub.id] } }),
    ctx.db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.companyId, companyId), eq(subscriptions.replacesId, sub.id))),
  ]);
  return {
    ...toSubscriptionDto(sub, now),
    replacedById: replacement[0]?.id ?? null,
    zoneSets: sub.zoneSets.map((z) => ({ zoneIds: z.zoneIds, validFrom: z.validFrom, validTo: z.validTo })),
    history: (await describeEntries(ctx.db, history, input.lang ?? 'nb')).reverse(),
  };
}
