import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/engine';
import { companies, users } from '../../db/schema';
import { languageOf, type MessageKind, type MessageParams } from '../../domain/message-catalogue';
import type { AppContext } from '../context';
import { queueCatalogMessage } from '../messages';

type AdminParams<K extends MessageKind> = Omit<MessageParams[K], 'companyName' | 'portalUrl'>;

/** The active administrators of a company with their language and new-order setting. */
export async function companyAdmins(tx: Tx, companyId: string) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      newOrderNotice: users.newOrderNotice,
      companyRole: users.companyRole,
    })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.role, 'company_admin'), isNull(users.disabledAt)));
}

/**
 * Emails every active administrator of the company (optionally only those `who` accepts) a
 * message of the catalogue in their own language. The key is per event and administrator, so a
 * repeated event sends each one email. Returns how many were queued.
 */
export async function emailAdmins<K extends MessageKind>(
  tx: Tx,
  ctx: AppContext,
  input: {
    companyId: string;
    kind: K;
    params: AdminParams<K>;
    idempotencyKey: string;
    who?: (admin: { newOrderNotice: 'immediate' | 'digest' | 'none' }) => boolean;
    /** Only admins who can act on it (issue 16 item 4: not payroll admins), e.g. an order to approve. */
    actionable?: boolean;
  },
): Promise<number> {
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, input.companyId));
  const admins = (await companyAdmins(tx, input.companyId)).filter(
    (a) => (input.who?.(a) ?? true) && !(input.actionable && a.companyRole === 'payroll'),
  );
  let queued = 0;
  for (const admin of admins) {
    const sent = await queueCatalogMessage(tx, ctx, {
      kind: input.kind,
      params: {
        ...input.params,
        companyName: company?.name ?? '',
        portalUrl: `${ctx.config.publicUrl}/bedrift`,
      } as MessageParams[K],
      language: languageOf(admin.language),
      channel: 'email',
      to: admin.email.toLowerCase(),
      idempotencyKey: `${input.idempotencyKey}:${admin.id}`,
      companyId: input.companyId,
    });
    if (sent) queued++;
  }
  return queued;
}
