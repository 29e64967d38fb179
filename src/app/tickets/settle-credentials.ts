import type { Tx } from '../../db/engine';
import { findTicketById, liveCredentialsOf, revokeCredentialIds } from '../../db/repositories/tickets';
import { credentialOutsideRegister } from '../../domain/ticket';

/**
 * Issue 13 (H1, H2): brings the issued credentials in line with the register after anything that
 * changes a ticket's dates, state or zones — an end now, at the end of the month or on a date, a
 * category change (the old ticket ends or is cancelled), a zone change, the employee's cancellation,
 * a company's deactivation. Every live credential the register no longer backs (a day after the new
 * end, a zone cut from its day on) is revoked at `now`, so its bit is on the very next revocation
 * list, even when the change takes effect later: an inspector offline on that day must not say
 * valid. Revocation is final: a withdrawn end does not bring a revoked credential back; the wallet
 * gets new credentials for those days the next time it is online. Call inside the changing
 * transaction, after the change. Returns the revoked credentials' ids.
 */
export async function settleCredentials(tx: Tx, subscriptionId: string, now: Date): Promise<string[]> {
  const register = await findTicketById(tx, subscriptionId);
  if (!register) return [];
  const out = (await liveCredentialsOf(tx, subscriptionId, now))
    .filter((c) => credentialOutsideRegister(c, register) !== null)
    .map((c) => c.id);
  await revokeCredentialIds(tx, out, now);
  return out;
}
