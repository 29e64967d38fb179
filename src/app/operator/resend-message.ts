import { findMessage, findMessageByKey, resendKeys } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';
import { queueMessage } from '../messages';
import { messageDto, rootKey } from './message-dto';

/**
 * Sends a message again as a new message. Its idempotency key is the original's plus the resend
 * number the operator asked for (`resendCount` = the resends they saw + 1 is made), so a double
 * click or a retry sends once.
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
    const done = (await resendKeys(tx, root)).length;
    const n = input.resendCount + 1;
    if (n > done + 1) throw new AppError('CONFLICT', { details: { resendCount: done } });
    const key = `${root}:resend:${n}`;
    const created = await queueMessage(tx, ctx.jobs, {
      channel: original.channel,
      to: original.to,
      subject: original.subject,
      body: original.body,
      idempotencyKey: key,
      companyId: original.companyId,
      kind: original.kind,
    });
    const message = await findMessageByKey(tx, key);
    if (!message) throw new Error('resent message not found');
    if (created) {
      await recordAudit(tx, input.actor, now, {
        companyId: original.companyId,
        action: 'message.resent',
        entityType: 'message',
        entityId: message.id,
        before: { messageId: original.id },
        after: { messageId: message.id, resendNumber: n, to: original.to, channel: original.channel },
      });
    }
    return { created, message: messageDto(message, null, Math.max(done, n)) };
  });
}
