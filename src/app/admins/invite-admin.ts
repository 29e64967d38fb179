import type { Tx } from '../../db/engine';
import { findUserByEmail, insertAdmin, updateUser } from '../../db/repositories/admins';
import { findCompany } from '../../db/repositories/companies';
import { listDepartments } from '../../db/repositories/departments';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import { createInvitation } from '../auth/create-invitation';
import type { AppContext, CompanyAdminActor, CompanyRole } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';
import { toAdminDto } from './list-admins';

/**
 * Adds another administrator to the actor's company and emails an invitation; the role is full
 * (default) or payroll, who reads subscriptions, the payroll basis and invoices (issue 16 item 4).
 * An address already in use elsewhere is EMAIL_TAKEN; a removed admin of this company is invited
 * back. A repeat of an invitation still open (same address and name, e.g. a double click) is the
 * same request (issue 15 item 5): it answers the invited admin again and sends no second email.
 */
export async function inviteAdmin(
  ctx: AppContext,
  input: {
    actor: CompanyAdminActor;
    name: string;
    email: string;
    role?: CompanyRole;
    /** For a department admin (issue 16 item 4): one or more of the company's departments. */
    departmentIds?: string[];
  },
) {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const role = input.role ?? 'full';
  const { companyId } = input.actor;
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, companyId, { forUpdate: true });
    if (!company) throw new AppError('NOT_FOUND');
    const departmentIds =
      role === 'department' ? await checkDepartments(tx, companyId, input.departmentIds) : null;
    const existing = await findUserByEmail(tx, email);
    if (existing && isRepeatedInvitation(existing, { companyId, name }))
      return toAdminDto(existing, input.actor);
    if (existing && (existing.companyId !== companyId || existing.disabledAt === null)) {
      throw new AppError('EMAIL_TAKEN', { details: { email } });
    }
    const user = existing
      ? await updateUser(tx, existing.id, {
          name,
          passwordHash: null,
          disabledAt: null,
          companyRole: role,
          departmentIds,
        })
      : await insertAdmin(tx, { companyId, email, name, now, companyRole: role, departmentIds });
    await createInvitation(tx, ctx, {
      userId: user.id,
      email: user.email,
      name: user.name,
      companyId,
      companyName: company.name,
      kind: 'company_admin',
    });
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'admin.invited',
      entityType: 'user',
      entityId: user.id,
      after: { name, email, role, ...(departmentIds ? { departmentIds } : {}) },
    });
    return toAdminDto(user, input.actor);
  });
}

/** The same open invitation again: this company's admin, not removed, no password yet, same name. */
function isRepeatedInvitation(
  user: { companyId: string | null; disabledAt: Date | null; passwordHash: string | null; name: string },
  request: { companyId: string; name: string },
): boolean {
  return (
    user.companyId === request.companyId &&
    user.disabledAt === null &&
    user.passwordHash === null &&
    user.name.trim().toLowerCase() === request.name.toLowerCase()
  );
}

/**
 * A department admin's departments (issue 16 item 4): at least one, each one of the company's
 * (else VALIDATION_FAILED naming `body.departmentIds`); duplicates once.
 */
async function checkDepartments(tx: Tx, companyId: string, ids: string[] | undefined): Promise<string[]> {
  const wanted = [...new Set(ids ?? [])];
  const found = wanted.length > 0 ? await listDepartments(tx, companyId, { ids: wanted }) : [];
  if (wanted.length === 0 || found.length !== wanted.length) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'body.departmentIds', problem: wanted.length === 0 ? 'required' : 'unknown' }],
    });
  }
  return wanted;
}
