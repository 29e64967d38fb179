import { findCompany } from '../../db/repositories/operator';
import { AppError } from '../../domain/errors';
import { type AppContext, assertFullAdmin, type CompanyAdminActor, type OperatorActor } from '../context';
import { toMasterDataDto } from './master-data';

/**
 * Issue 16 item 5: a company's master data (name, invoice details, Peppol endpoint): an admin's
 * own company, or for the operator the company named.
 */
export async function getMasterData(
  ctx: AppContext,
  input: { actor: CompanyAdminActor } | { actor: OperatorActor; companyId: string },
) {
  if (input.actor.type === 'company_admin') assertFullAdmin(input.actor);
  const companyId =
    input.actor.type === 'company_admin' ? input.actor.companyId : (input as { companyId: string }).companyId;
  const company = await findCompany(ctx.db, companyId);
  if (!company) throw new AppError('NOT_FOUND');
  return toMasterDataDto(company);
}
