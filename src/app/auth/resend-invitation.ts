import { findAdmin, listAdmins } from '../../db/repositories/admins';
import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor, OperatorActor } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';
import { createInvitation } from './create-invitation';

/**
 * Sends a fresh invitation link (the old one dies at once) to an admin who has not set a password
 * yet: the one named, or the company's first such admin (the contact person).
 */
export async function resendInvitation(
  ctx: AppContext,
  input: { actor: OperatorActor | CompanyAdminActor; companyId: string; userId?: string },
) {
  assertCanChange(input.actor);
  if (input.actor.type === 'company_admin') assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const company = await findCompany(tx, input.companyId);
    if (!company) throw new AppError('NOT_FOUND');
    const admins = await listAdmins(tx, company.id);
    const admin = input.userId
      ? await findAdmin(tx, company.id, input.userId, { forUpdate: true })
      : (admins.find((a) => a.passwordHash === null) ?? admins[0] ?? null);
    if (!admin || admin.disabledAt) throw new AppError('NOT_FOUND');
    if (admin.passwordHash !== null) {
      throw new AppError('CONFLICT', { details: { reason: 'invitation_already_accepted' } });
    }
    await createInvitation(tx, ctx, {
      userId: admin.id,
      email: admin.email,
      name: admin.name,
      companyId: company.id,
      companyName: company.name,
      kind: 'company_admin',
    });
    await recordAudit(tx, input.actor, now, {
      companyId: company.id,
      action: 'admin.invitation_resent',
      entityType: 'user',
      entityId: admin.id,
      after: { email: admin.email },
    });
    return { userId: admin.id, email: admin.email };
  });
}
