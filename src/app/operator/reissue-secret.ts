import type { Tx } from '../../db/engine';
import { findUserById } from '../../db/repositories/admins';
import { findCompany, type MessageRow } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { createInvitation } from '../auth/create-invitation';
import { issueLoginLink } from '../auth/request-login-link';
import { issuePasswordReset } from '../auth/request-password-reset';
import type { AppContext } from '../context';
import { issueLoginCode } from '../employee/request-login-code';
import { reissueTicketLink } from '../subscriptions/reissue-ticket-link';

type Reissue = (
  tx: Tx,
  ctx: AppContext,
  original: MessageRow,
  idempotencyKey: string,
  now: Date,
) => Promise<void>;

function gone(reason: string): never {
  throw new AppError('CONFLICT', { details: { reason } });
}

async function activeOwner(tx: Tx, original: MessageRow) {
  const user = original.ownerId ? await findUserById(tx, original.ownerId) : null;
  if (!user || user.disabledAt) gone('owner_gone');
  return user;
}

/**
 * How a resend of each kind of secret message makes a NEW secret and sends it to its owner's
 * address on record (never the old text, never to anyone else). Kinds not listed cannot be resent.
 */
const reissuers: Record<string, Reissue> = {
  login_code: async (tx, ctx, original, idempotencyKey, now) => {
    const company = original.companyId ? await findCompany(tx, original.companyId) : null;
    if (!company || company.status !== 'active') gone('owner_gone');
    await issueLoginCode(tx, ctx, { company, phone: original.to, now, idempotencyKey });
  },
  password_reset: async (tx, ctx, original, idempotencyKey, now) => {
    const user = await activeOwner(tx, original);
    await issuePasswordReset(tx, ctx, { user, now, idempotencyKey });
  },
  login_link: async (tx, ctx, original, idempotencyKey, now) => {
    const user = await activeOwner(tx, original);
    await issueLoginLink(tx, ctx, { user, now, idempotencyKey });
  },
  invitation: async (tx, ctx, original, idempotencyKey) => {
    const user = await activeOwner(tx, original);
    if (user.passwordHash !== null) gone('invitation_already_accepted');
    const company = user.companyId ? await findCompany(tx, user.companyId) : null;
    await createInvitation(tx, ctx, {
      userId: user.id,
      email: user.email,
      name: user.name,
      companyId: user.companyId,
      companyName: company?.name ?? '',
      kind: user.role === 'operator' ? 'operator' : 'company_admin',
      idempotencyKey,
    });
  },
  ticket_approved: async (tx, ctx, original, idempotencyKey, now) => {
    if (!original.ownerId) gone('owner_gone');
    await reissueTicketLink(tx, ctx, { subscriptionId: original.ownerId, idempotencyKey, now });
  },
};

/** Makes a new secret for the owner of `original` and queues its message under `idempotencyKey`. */
export async function reissueSecret(
  tx: Tx,
  ctx: AppContext,
  original: MessageRow,
  idempotencyKey: string,
  now: Date,
): Promise<void> {
  const reissue = reissuers[original.kind];
  if (!reissue) gone('secret_not_reissuable');
  await reissue(tx, ctx, original, idempotencyKey, now);
}
