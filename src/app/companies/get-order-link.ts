import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import { type AppContext, assertFullAdmin, type CompanyAdminActor } from '../context';
import { orderLinkOf } from './order-link';

/** Rule 3: the company's order link and snippets; a full admin's (issue 16 item 4). */
export async function getOrderLink(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  assertFullAdmin(input.actor);
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  return orderLinkOf(ctx, company);
}
