import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import type { AppContext, CompanyAdminActor } from '../context';
import { toSettingsDto } from './settings-dto';

export async function getSettings(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const company = await findCompany(ctx.db, input.actor.companyId);
  if (!company) throw new AppError('NOT_FOUND');
  return toSettingsDto(company);
}
