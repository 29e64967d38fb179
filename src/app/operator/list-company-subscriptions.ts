import { findCompany } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import type { AppContext, OperatorActor } from '../context';
import { type ListInput, listCompanySubscriptions } from '../subscriptions/list-subscriptions';

/**
 * Issue 16 item 5: the operator sees one company's subscriptions to support it, read-only, with
 * the portal list's filters, sort and cursor pages. An unknown company is NOT_FOUND.
 */
export async function listSubscriptionsOfCompany(
  ctx: AppContext,
  input: Omit<ListInput, 'actor'> & { actor: OperatorActor; companyId: string },
) {
  const company = await findCompany(ctx.db, input.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  const { actor, companyId, ...rest } = input;
  return listCompanySubscriptions(ctx, { ...rest, actor: { ...actor, companyId: company.id } });
}
