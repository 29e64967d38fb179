import { and, eq } from 'drizzle-orm';
import type { Tx } from '../engine';
import { sessions } from '../schema';

/**
 * Ends every employee session of one company. Employee sessions are opened through the company's
 * order link and only one link is valid at a time, so this is "every session made through the old
 * link" when the link is replaced. Returns how many ended.
 */
export async function endEmployeeSessions(tx: Tx, companyId: string): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.kind, 'employee'), eq(sessions.companyId, companyId)))
    .returning({ id: sessions.id });
  return ended.length;
}
