import { searchCompanies } from '../../db/repositories/operator';
import type { AppContext } from '../context';
import { operatorCompanyDto } from './company-dto';
import { companyFigures } from './company-figures';

/** Companies by name or organisation number, with status, tickets, monthly amount and contacts. */
export async function listCompanies(ctx: AppContext, input: { q?: string }) {
  const rows = await searchCompanies(ctx.db, input.q ?? '');
  const { figures, contactsByCompany } = await companyFigures(
    ctx.db,
    rows.map((r) => r.id),
    ctx.clock.now(),
  );
  return rows.map((r) => operatorCompanyDto(r, figures.get(r.id), contactsByCompany(r.id)));
}
