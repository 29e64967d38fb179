import { countActiveAdmins, deleteSessionsOf, findAdmin, updateUser } from '../../db/repositories/admins';
import { findCompany } from '../../db/repositories/companies';
import { AppError } from '../../domain/errors';
import { recordAudit } from '../audit';
import type { AppContext, CompanyAdminActor } from '../context';
import { assertCanChange, assertFullAdmin } from '../context';

/**
 * Removes an administrator (disabled, sessions ended; the row stays for the audit log). The
 * company always keeps at least one, and at least one with full access: removing the last is
 * LAST_ADMIN.
 */
export async function removeAdmin(ctx: AppContext, input: { actor: CompanyAdminActor; userId: string }) {
  assertCanChange(input.actor);
  assertFullAdmin(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  await ctx.db.transaction(async (tx) => {
    // The company row lock serialises concurrent removals, so two admins cannot remove each other.
    await findCompany(tx, companyId, { forUpdate: true });
    const admin = await findAdmin(tx, companyId, input.userId, { forUpdate: true });
    if (!admin || admin.disabledAt) throw new AppError('NOT_FOUND');
    if ((await countActiveAdmins(tx, companyId)) <= 1) throw new AppError('LAST_ADMIN');
    // Issue 16 item 4: someone must be left who can change things.
    const full = (admin.companyRole ?? 'full') === 'full';
    if (full && (await countActiveAdmins(tx, companyId, { fullOnly: true })) <= 1)
      throw new AppError('LAST_ADMIN');
    await updateUser(tx, admin.id, { disabledAt: now });
    await deleteSessionsOf(tx, admin.id);
    await recordAudit(tx, input.actor, now, {
      companyId,
      action: 'admin.removed',
      entityType: 'user',
      entityId: admin.id,
      before: { name: admin.name, email: admin.email },
    });
  });
}
