import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../domain/errors';
import type { OperatorRole } from '../../domain/staff-roles';
import { recordAudit } from '../audit';
import { createInvitation } from '../auth/create-invitation';
import type { AppContext, OperatorActor } from '../context';

/**
 * Invites a member of the operator's staff (admin or read-only); they set their own password. A
 * repeat of an invitation still open (same address, name and role, e.g. a double click) is the
 * same request (issue 15 item 5): it answers the same and sends no second email.
 */
export async function inviteStaff(
  ctx: AppContext,
  input: { actor: OperatorActor; email: string; name: string; role: OperatorRole },
) {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (
      taken &&
      taken.role === 'operator' &&
      taken.operatorRole === input.role &&
      taken.passwordHash === null &&
      taken.disabledAt === null &&
      taken.name.trim().toLowerCase() === input.name.trim().toLowerCase()
    ) {
      return {
        id: taken.id,
        email,
        name: taken.name,
        role: input.role,
        status: 'invited' as const,
        createdAt: taken.createdAt.toISOString(),
      };
    }
    if (taken) throw new AppError('EMAIL_TAKEN');
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), role: 'operator', operatorRole: input.role, createdAt: now })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    await createInvitation(tx, ctx, {
      userId: user.id,
      email,
      name: user.name,
      companyId: null,
      companyName: '',
      kind: 'operator',
    });
    await recordAudit(tx, input.actor, now, {
      companyId: null,
      action: 'staff.invited',
      entityType: 'user',
      entityId: user.id,
      after: { email, name: user.name, role: input.role },
    });
    return {
      id: user.id,
      email,
      name: user.name,
      role: input.role,
      status: 'invited' as const,
      createdAt: now.toISOString(),
    };
  });
}
