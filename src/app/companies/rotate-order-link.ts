import { findCompany, updateCompany } from '../../db/repositories/companies';
import { endEmployeeSessions } from '../../db/repositories/sessions';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';
import { orderLinkOf } from './order-link';
import { newOrderToken } from './order-token';

/**
 * Rule 3: a new order-link token; the old link stops working at once, and so do the employee
 * sessions opened through it (issue 12.7): an employee signs in again through the new link.
 */
export async function rotateOrderLink(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, input.actor.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    const { token, ...stored } = newOrderToken(ctx.config);
    const updated = await updateCompany(tx, company.id, stored, now);
    const endedSessions = await endEmployeeSessions(tx, company.id);
    // Only the tail of each token's hash: enough to tell links apart, useless as a link.
    await recordAudit(tx, input.actor, now, {
      companyId: company.id,
      action: 'company.order_link_rotated',
      entityType: 'company',
      entityId: company.id,
      before: { orderTokenHashEnd: company.orderTokenHash.slice(-6) },
      after: { orderTokenHashEnd: updated.orderTokenHash.slice(-6), endedSessions },
    });
    return orderLinkOf(ctx, updated);
  });
}
