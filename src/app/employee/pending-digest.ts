import { and, asc, eq, isNull } from 'drizzle-orm';
import { companies, subscriptions, users } from '../../db/schema';
import { formatDateNb, osloToday } from '../../domain/calendar';
import { formatPhoneNo } from '../../domain/phone';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';

export const PENDING_DIGEST_JOB = 'pending-orders-digest';

type Pending = { firstName: string; lastName: string; phone: string; startDate: string; createdAt: Date };

function digestBody(ctx: AppContext, companyName: string, pending: Pending[]): string {
  const lines = pending.map(
    (p) =>
      `- ${p.firstName} ${p.lastName} (${formatPhoneNo(p.phone)}), bestilt ${formatDateNb(osloToday(p.createdAt))}, ` +
      `start ${formatDateNb(p.startDate)}`,
  );
  return [
    `Hei! ${pending.length} bestilling(er) av bedriftsbillett hos ${companyName} venter på godkjenning:`,
    '',
    ...lines,
    '',
    `Godkjenn eller avvis dem i bedriftsportalen: ${ctx.config.publicUrl}/bedrift`,
    '',
    `(English: ${pending.length} company-ticket order(s) are waiting for your approval.)`,
  ].join('\n');
}

/**
 * The daily email to each company's administrators listing the orders that wait for approval
 * (issue 4, step 5). Keyed per company, administrator and Oslo day: a rerun sends nothing new.
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
  for (const { companyId, companyName, sub } of rows) {
    const entry = byCompany.get(companyId) ?? { name: companyName, pending: [] };
    entry.pending.push(sub);
    byCompany.set(companyId, entry);
  }
  let emails = 0;
  for (const [companyId, { name, pending }] of byCompany) {
    await ctx.db.transaction(async (tx) => {
      const admins = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          and(eq(users.companyId, companyId), eq(users.role, 'company_admin'), isNull(users.disabledAt)),
        );
      for (const admin of admins) {
        const queued = await queueMessage(tx, ctx.jobs, {
          channel: 'email',
          to: admin.email,
          subject: `${pending.length} bestilling(er) venter på godkjenning – ${name}`,
          body: digestBody(ctx, name, pending),
          idempotencyKey: `pending-digest:${companyId}:${today}:${admin.id}`,
          companyId,
          kind: 'pending_digest',
        });
        if (queued) emails++;
      }
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
