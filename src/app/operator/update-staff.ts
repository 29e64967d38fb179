import { eq } from 'drizzle-orm';
import { activeOperatorAdminsForUpdate, findStaffForUpdate } from '../../db/repositories/operator';
import { sessions, users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { OperatorRole } from '../../domain/staff-roles';
import { recordAudit } from '../audit';
import type { AppContext, OperatorActor } from '../context';

/**
 * Changes a staff member's role or disables them (their sessions end at once). At least one active
 * operator admin always remains.
 */
export async function updateStaff(
  ctx: AppContext,
  input: { actor: OperatorActor; userId: string; role?: OperatorRole; disabled?: boolean },
) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const admins = await activeOperatorAdminsForUpdate(tx);
    const user = await findStaffForUpdate(tx, input.userId);
    if (!user) throw new AppError('NOT_FOUND');
    const before = { role: user.operatorRole ?? 'admin', disabled: user.disabledAt !== null };
    const after = { role: input.role ?? before.role, disabled: input.disabled ?? before.disabled };
    const wasAdmin = before.role === 'admin' && !before.disabled;
    const staysAdmin = after.role === 'admin' && !after.disabled;
    if (wasAdmin && !staysAdmin && admins.length <= 1) throw new AppError('LAST_OPERATOR_ADMIN');
    await tx
      .update(users)
      .set({ operatorRole: after.role, disabledAt: after.disabled ? (user.disabledAt ?? now) : null })
      .where(eq(users.id, user.id));
    if (after.disabled) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: after.disabled && !before.disabled ? 'staff.disabled' : 'staff.updated',
      entityType: 'user',
      entityId: user.id,
      before,
      after,
    });
    return { id: user.id, email: user.email, name: user.name, role: after.role, disabled: after.disabled };
  });
}
