import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '../engine';
import { auditLog } from '../schema';

export type AuditRow = typeof auditLog.$inferSelect;

/** The company's audit log, newest first; `before` is an entry id for paging. */
export async function listCompanyAudit(
  tx: Tx,
  companyId: string,
  page: { limit: number; before?: number },
): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.companyId, companyId),
        page.before === undefined ? undefined : lt(auditLog.id, page.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
}

/** The entries of some entities of one company, oldest first (a subscription's history). */
export async function entityHistory(
  tx: Tx,
  companyId: string,
  entityType: string,
  entityIds: string[],
): Promise<AuditRow[]> {
  if (entityIds.length === 0) return [];
  return tx
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.companyId, companyId),
        eq(auditLog.entityType, entityType),
        inArray(auditLog.entityId, entityIds),
      ),
    )
    .orderBy(auditLog.id);
}
