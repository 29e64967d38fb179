import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import type { AppContext, CompanyAdminActor } from '../context';
import { toMasterDataDto } from './master-data';

/** Issue 16 item 5: the admin's own company's master data (name, invoice details, Peppol endpoint). */
export async function getMasterData(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  return toMasterDataDto(company);
}
