import { listMessages as queryMessages, resendKeys } from '../../db/repositories/operator';
import type { AppContext } from '../context';
import { messageDto, rootKey } from './message-dto';

/** Every SMS and email with its state (queued, sent, failed with the reason) and attempts, newest first. */
export async function listMessages(
  ctx: AppContext,
  input: { status?: 'queued' | 'sent' | 'failed'; q?: string; limit: number; offset: number },
) {
  const { rows, total } = await queryMessages(ctx.db, input);
  const roots = [...new Set(rows.map((r) => rootKey(r.message.idempotencyKey)))];
  const counts = new Map<string, number>();
  for (const root of roots) counts.set(root, (await resendKeys(ctx.db, root)).length);
  return {
    total,
    items: rows.map((r) =>
      messageDto(r.message, r.companyName, counts.get(rootKey(r.message.idempotencyKey)) ?? 0),
    ),
  };
}
