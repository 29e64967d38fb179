import { listAdmins } from '../../db/repositories/admins';
import type { AppContext, CompanyAdminActor } from '../context';

export type AdminDto = {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active';
  createdAt: string;
  isYou: boolean;
};

export function toAdminDto(
  row: { id: string; name: string; email: string; passwordHash: string | null; createdAt: Date },
  actor: CompanyAdminActor,
): AdminDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.passwordHash === null ? 'invited' : 'active',
    createdAt: row.createdAt.toISOString(),
    isYou: row.id === actor.userId,
  };
}

export async function listCompanyAdmins(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  const rows = await listAdmins(ctx.db, input.actor.companyId);
  return rows.map((row) => toAdminDto(row, input.actor));
}
