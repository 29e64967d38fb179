import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { Language } from '../../domain/message-catalogue';
import type { AppContext } from '../context';

export type NewOrderNotice = 'immediate' | 'digest' | 'none';

/**
 * Issue 15: a signed-in user's own message settings. `language` (nb|en) is the language of the
 * emails they get; `newOrderNotice` (company admins only) is how they hear of a new order
 * waiting for approval: at once, in the daily digest, or not at all.
 */
export async function updateMyPreferences(
  ctx: AppContext,
  input: { userId: string; language?: Language; newOrderNotice?: NewOrderNotice },
) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (input.newOrderNotice && user.role !== 'company_admin') {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.newOrderNotice', message: 'only for company administrators' }],
    });
  }
  const [updated] = await ctx.db
    .update(users)
    .set({
      ...(input.language ? { language: input.language } : {}),
      ...(input.newOrderNotice ? { newOrderNotice: input.newOrderNotice } : {}),
    })
    .where(eq(users.id, user.id))
    .returning();
  return updated ?? user;
}
