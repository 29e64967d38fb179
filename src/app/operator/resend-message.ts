import { sql } from 'drizzle-orm';
import { findMessage, findMessageByKey, resendKeys } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { queueMessage } from '../messages';
import { messageDto, rootKey } from './message-dto';
import { reissueSecret } from './reissue-secret';

/**
 * Sends a message again as a new message. Its idempotency key is the original's plus the resend
 * number the operator asked for (`resendCount` = the resends they saw + 1 is made), so a double
 * click or a retry sends once. A message that carried a secret is never repeated: a new secret is
 * made and sent to its owner (reissue-secret.ts); the operator sees it elided like every other.
 */
export async function resendMessage(
  ctx: AppContext,
  input: { actor: OperatorActor; messageId: string; resendCount: number },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const original = await findMessage(tx, input.messageId);
    if (!original) throw new AppError('NOT_FOUND');
    const root = rootKey(original.idempotencyKey);
    // Two resends of one chain queue here, so a reissued secret is made once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`resend:${root}`}))`);
    const done = (await resendKeys(tx, root)).length;
    const n = input.resendCount + 1;
    if (n > done + 1) throw new AppError('CONFLICT', { details: { resendCount: done } });
    const key = `${root}:resend:${n}`;
    let created = false;
    if (!(await findMessageByKey(tx, key))) {
      if (original.secret) {
        await reissueSecret(tx, ctx, original, key, now);
        created = true;
      } else {
        created = await queueMessage(tx, ctx, {
          channel: original.channel,
          to: original.to,
          subject: original.subject,
          body: original.body,
          idempotencyKey: key,
          companyId: original.companyId,
          kind: original.kind,
        });
      }
    }
    const message = await findMessageByKey(tx, key);
    if (!message) throw new Error('resent message not found');
    if (created) {
      await recordAudit(tx, input.actor, now, {
        companyId: original.companyId,
        action: 'message.resent',
        entityType: 'message',
        entityId: message.id,
        before: { messageId: original.id },
        after: {
          messageId: message.id,
          resendNumber: n,
          to: message.to,
          channel: original.channel,
          newSecret: original.secret,
        },
      });
    }
    return { created, message: messageDto(message, null, Math.max(done, n)) };
  });
}
