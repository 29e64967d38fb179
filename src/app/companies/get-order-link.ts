import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import type { AppContext, CompanyAdminActor } from '../context';
import { orderLinkOf } from './order-link';

export async function getOrderLink(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  return orderLinkOf(ctx, company);
}
