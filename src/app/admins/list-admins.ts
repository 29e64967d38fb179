import { listAdmins } from '../../db/repositories/admins';
import { type AppContext, assertFullAdmin, type CompanyAdminActor, type CompanyRole } from '../context';

export type AdminDto = {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active';
  createdAt: string;
  isYou: boolean;
  /** Issue 16 item 4: full; payroll (reads subscriptions, payroll basis, invoices); department. */
  role: CompanyRole;
  /** A department admin's departments, else absent. */
  departmentIds?: string[];
};

export function toAdminDto(
  row: {
    id: string;
    name: string;
    email: string;
    passwordHash: string | null;
    createdAt: Date;
    companyRole: CompanyRole | null;
    departmentIds?: string[] | null;
  },
  actor: CompanyAdminActor,
): AdminDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.passwordHash === null ? 'invited' : 'active',
    createdAt: row.createdAt.toISOString(),
    isYou: row.id === actor.userId,
    role: row.companyRole ?? 'full',
    ...(row.companyRole === 'department' ? { departmentIds: row.departmentIds ?? [] } : {}),
  };
}

/** The company's admins with their roles; only a full admin sees them (issue 16 item 4). */
export async function listCompanyAdmins(ctx: AppContext, input: { actor: CompanyAdminActor }) {
  assertFullAdmin(input.actor);
  const rows = await listAdmins(ctx.db, input.actor.companyId);
  return rows.map((row) => toAdminDto(row, input.actor));
}
