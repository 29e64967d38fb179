import { findCompany } from '../../db/repositories/operator';
import { endOfMonth, osloToday } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import type { AppContext } from '../context';
import { operatorCompanyDto } from './company-dto';
import { companyFigures } from './company-figures';

export async function getCompany(ctx: AppContext, input: { companyId: string }) {
  const row = await findCompany(ctx.db, input.companyId);
  if (!row) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const { figures, contactsByCompany } = await companyFigures(ctx.db, [row.id], now);
  return {
    ...operatorCompanyDto(row, figures.get(row.id), contactsByCompany(row.id)),
    /** Where live tickets would end if the company were deactivated now. */
    deactivationEndDate: endOfMonth(osloToday(now)),
  };
}
