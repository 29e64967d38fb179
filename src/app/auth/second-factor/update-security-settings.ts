import { getSecuritySettings, saveSecuritySettings } from '../../../db/repositories/second-factor';
import { restrictSessionsWithoutSecondFactor } from '../../../db/repositories/sessions';
import type { SecondFactorPolicy } from '../../../domain/second-factor';
import { recordAudit } from '../../audit';
import type { AppContext, OperatorActor } from '../../context';

/** The operator's second-factor rules, as they stand. */
export function getSecondFactorPolicy(ctx: AppContext): Promise<SecondFactorPolicy> {
  return getSecuritySettings(ctx.db);
}

/**
 * The operator (admin staff) requires a second factor for all staff and/or all company admins.
 * From then on such a person without one must enrol before doing anything else: at the next
 * sign-in, and in every session they have open now, which is turned into an enrol-only session
 * (the hostile check found open sessions kept their power). The admin making the change keeps
 * theirs until their next sign-in. Audited with before and after.
 */
export async function updateSecondFactorPolicy(
  ctx: AppContext,
  input: { actor: OperatorActor; changes: Partial<SecondFactorPolicy> },
): Promise<SecondFactorPolicy> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await getSecuritySettings(tx);
    const after = { ...before, ...input.changes };
    await saveSecuritySettings(tx, after, now);
    const staff = after.requireSecondFactorStaff && !before.requireSecondFactorStaff;
    const admins = after.requireSecondFactorAdmins && !before.requireSecondFactorAdmins;
    if (staff || admins) {
      await restrictSessionsWithoutSecondFactor(tx, { staff, admins, exceptUserId: input.actor.userId });
    }
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'security.second_factor_policy_changed',
      entityType: 'security_settings',
      entityId: 'default',
      before,
      after,
    });
    return after;
  });
}
