import { and, eq, isNull } from 'drizzle-orm';
import { randomToken, sha256 } from '../../adapters/tokens';
import type { Tx } from '../../db/engine';
import { authTokens } from '../../db/schema';
import type { AppContext } from '../context';
import { queueMessage } from '../messages';

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
  const where =
    input.kind === 'operator' ? 'operatørens bakkontor' : `Bedriftsportalen for ${input.companyName}`;
  await queueMessage(tx, ctx, {
    channel: 'email',
    to: input.email.toLowerCase(),
    subject:
      input.kind === 'operator'
        ? 'Invitasjon til Bedriftsbillett'
        : `Invitasjon til Bedriftsportalen – ${input.companyName}`,
    body: [
      `Hei ${input.name}!`,
      '',
      `Du er invitert som administrator i ${where}.`,
      `Opprett ditt eget passord her (lenken gjelder i ${INVITATION_VALID_DAYS} dager og kan brukes én gang):`,
      url,
      '',
      '— Bedriftsbillett',
      '',
      `(English: you have been invited as an administrator. Create your password within ${INVITATION_VALID_DAYS} days: ${url})`,
    ].join('\n'),
    idempotencyKey: input.idempotencyKey ?? `invitation:${tokenHash}`,
    companyId: input.companyId,
    kind: 'invitation',
    secrets: [token],
    ownerId: input.userId,
  });
  return { token, url };
}
