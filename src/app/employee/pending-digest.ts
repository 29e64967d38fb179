import { and, asc, eq } from 'drizzle-orm';
import { companies, subscriptions } from '../../db/schema';
import { osloToday } from '../../domain/calendar';
import { formatPhoneNo } from '../../domain/phone';
import type { AppContext } from '../context';
import { emailAdmins } from '../subscriptions/notify-admins';

export const PENDING_DIGEST_JOB = 'pending-orders-digest';

type Pending = { firstName: string; lastName: string; phone: string; startDate: string; createdAt: Date };

/**
 * The daily email to each company's administrators listing the orders that wait for approval
 * (issue 4, step 5), to those who chose the digest, in their language (issue 15). Keyed per
 * company, administrator and Oslo day: a rerun sends nothing new.
 */
export async function sendPendingOrdersDigest(ctx: AppContext): Promise<{ emails: number }> {
  const now = ctx.clock.now();
  const today = osloToday(now);
  const rows = await ctx.db
    .select({ companyId: subscriptions.companyId, companyName: companies.name, sub: subscriptions })
    .from(subscriptions)
    .innerJoin(companies, eq(companies.id, subscriptions.companyId))
    .where(and(eq(subscriptions.state, 'pending'), eq(companies.status, 'active')))
    .orderBy(asc(subscriptions.companyId), asc(subscriptions.createdAt));
  const byCompany = new Map<string, { name: string; pending: Pending[] }>();
  // Each administrator who chose the digest (issue 15: others hear at once, or not at all).
  for (const { companyId, companyName, sub } of rows) {
    const entry = byCompany.get(companyId) ?? { name: companyName, pending: [] };
    entry.pending.push(sub);
    byCompany.set(companyId, entry);
  }
  let emails = 0;
  for (const [companyId, { pending }] of byCompany) {
    await ctx.db.transaction(async (tx) => {
      emails += await emailAdmins(tx, ctx, {
        companyId,
        kind: 'pending_digest',
        actionable: true,
        params: {
          orders: pending.map((p) => ({
            name: `${p.firstName} ${p.lastName}`,
            phone: formatPhoneNo(p.phone),
            orderedOn: osloToday(p.createdAt),
            startDate: p.startDate,
          })),
        },
        idempotencyKey: `pending-digest:${companyId}:${today}`,
        who: (admin) => admin.newOrderNotice === 'digest',
      });
    });
  }
  return { emails };
}

/** Every morning at 07:00 (Europe/Oslo). */
export const pendingDigestJob = {
  name: PENDING_DIGEST_JOB,
  cron: '0 7 * * *',
  handle: async (ctx: AppContext): Promise<void> => {
    await sendPendingOrdersDigest(ctx);
  },
};
