import { and, asc, eq, lte } from 'drizzle-orm';
import { companies, deductionConsents, subscriptions } from '../../db/schema';
import { osloToday } from '../../domain/calendar';
import type { AppContext } from '../context';
import { noticeConsentMissing } from './deduction-consent';

export const CONSENT_REMINDER_JOB = 'consent-missing-reminder';

/**
 * Issue 15, "consent still missing": once a raised deduction is in force (its date has come)
 * and the employee has not agreed to it, each administrator of the company gets one email, in
 * their language, naming the employee and both amounts, so no more than the agreed amount is
 * deducted. Keyed per subscription, raised amount and administrator (`consentMissingKey`): an
 * admin told when the consent became missing is not told again; one who chose no notices
 * (`newOrderNotice: none`) gets none.
 */
export async function remindMissingConsents(ctx: AppContext): Promise<{ emails: number }> {
  const today = osloToday(ctx.clock.now());
  const open = await ctx.db
    .select({ consent: deductionConsents })
    .from(deductionConsents)
    .innerJoin(subscriptions, eq(subscriptions.id, deductionConsents.subscriptionId))
    .innerJoin(companies, eq(companies.id, deductionConsents.companyId))
    .where(
      and(
        eq(deductionConsents.status, 'open'),
        lte(deductionConsents.effectiveFrom, today),
        eq(companies.status, 'active'),
      ),
    )
    .orderBy(asc(deductionConsents.createdAt));
  let emails = 0;
  for (const { consent } of open) {
    await ctx.db.transaction(async (tx) => {
      // An admin who chose no notices gets none; one told at once already has this amount's key.
      emails += await noticeConsentMissing(tx, ctx, consent, (a) => a.newOrderNotice !== 'none');
    });
  }
  return { emails };
}

/** Every morning at 07:00 (Europe/Oslo), beside the digest of waiting orders. */
export const consentReminderJob = {
  name: CONSENT_REMINDER_JOB,
  cron: '0 7 * * *',
  handle: async (ctx: AppContext): Promise<void> => {
    await remindMissingConsents(ctx);
  },
};
