import { and, eq, isNull } from 'drizzle-orm';
import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { authTokens, users } from '../../db/schema';
import { languageOf } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { queueCatalogMessage } from '../messages';

export const INVITATION_VALID_DAYS = 7;

/**
 * Makes a new invitation for a user who has no password yet (earlier unused invitations die)
 * and emails the login link. Only the token's hash is stored.
 */
export async function createInvitation(
  tx: Tx,
  ctx: AppContext,
  input: {
    userId: string;
    email: string;
    name: string;
    companyId: string | null;
    companyName: string;
    kind: 'company_admin' | 'operator';
    /** An operator's resend passes its own key; by default one per token. */
    idempotencyKey?: string;
  },
): Promise<{ token: string; url: string }> {
  const now = ctx.clock.now();
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.userId, input.userId),
        eq(authTokens.purpose, 'invitation'),
        isNull(authTokens.usedAt),
      ),
    );
  const token = randomToken();
  const tokenHash = sha256(token);
  await tx.insert(authTokens).values({
    userId: input.userId,
    purpose: 'invitation',
    tokenHash,
    expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60_000),
    createdAt: now,
  });
  const url =
    input.kind === 'operator'
      ? `${ctx.config.publicUrl}/operator/invitasjon/${token}`
      : `${ctx.config.publicUrl}/bedrift/invitasjon/${token}`;
  // The text in the invitee's language, naming the role they get (a read-only user is not told
  // they are an administrator).
  const [user] = await tx
    .select({ role: users.role, operatorRole: users.operatorRole, language: users.language })
    .from(users)
    .where(eq(users.id, input.userId));
  await queueCatalogMessage(tx, ctx, {
    kind: 'invitation',
    language: languageOf(user?.language),
    channel: 'email',
    to: input.email.toLowerCase(),
    params: {
      name: input.name,
      companyName: input.kind === 'operator' ? null : input.companyName,
      role: input.kind === 'operator' ? (user?.operatorRole ?? 'admin') : 'company_admin',
      url,
      validDays: INVITATION_VALID_DAYS,
    },
    idempotencyKey: input.idempotencyKey ?? `invitation:${tokenHash}`,
    companyId: input.companyId,
    ownerId: input.userId,
  });
  return { token, url };
}
