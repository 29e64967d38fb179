import { updateCompany } from '../../db/repositories/companies';
import { findCompany } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';

/**
 * Issue 16 item 5: the operator reactivates a deactivated company. Its admins may change things
 * again and its order link works again (the new token set at deactivation: the old link stays
 * dead). Subscriptions ended or cancelled by the deactivation stay so (rule 10: never reopened);
 * employees order anew. Running it on an active company changes nothing.
 */
export async function reactivateCompany(ctx: AppContext, input: { actor: OperatorActor; companyId: string }) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, input.companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    if (company.status === 'active') return { companyId: company.id, alreadyActive: true };
    await updateCompany(tx, company.id, { status: 'active', deactivatedAt: null }, now);
    await recordAudit(tx, input.actor, now, {
      companyId: company.id,
      action: 'company.reactivated',
      entityType: 'company',
      entityId: company.id,
      before: { status: company.status },
      after: { status: 'active' },
    });
    return { companyId: company.id, alreadyActive: false };
  });
}
