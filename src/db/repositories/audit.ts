import { and, desc, eq, gte, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../engine';
import { auditLog, subscriptions, users } from '../schema';

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Reads recorded before issue 16 (a wallet fetching its credential): not changes, never listed.
 * Nothing writes them any more.
 */
export const READ_ACTIONS = ['ticket.credential_issued'];

/** What the company's audit log is filtered by (issue 16, item 7); every part optional. */
export interface AuditFilter {
  /** Words of the employee's name (the subscription the entry is about). */
  employee?: string;
  action?: string;
  /** The admin (user id) who acted. */
  actorId?: string;
  /** Instants: from inclusive, to exclusive (the caller turns Oslo dates into them). */
  from?: Date;
  to?: Date;
  /** Only entries about these subscriptions (an employee's page). */
  subscriptionIds?: string[];
}

/** An entry with the names a reader needs: the employee's (subject) and the acting user's. */
export type AuditRowWithNames = AuditRow & {
  subjectFirstName: string | null;
  subjectLastName: string | null;
  subjectId: string | null;
  actorName: string | null;
};

function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function employeeSql(words: string): SQL | undefined {
  const parts = words.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  if (parts.length === 0) return undefined;
  return and(
    ...parts.map(
      (w) => sql`lower(${subscriptions.firstName} || ' ' || ${subscriptions.lastName}) like ${likeText(w)}`,
    ),
  );
}

/** The company's audit log, newest first, filtered; `before` is an entry id for paging. */
export async function listCompanyAudit(
  tx: Tx,
  companyId: string,
  page: { limit: number; before?: number; filter?: AuditFilter },
): Promise<AuditRowWithNames[]> {
  const f = page.filter ?? {};
  return tx
    .select({
      id: auditLog.id,
      companyId: auditLog.companyId,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      at: auditLog.at,
      subjectFirstName: subscriptions.firstName,
      subjectLastName: subscriptions.lastName,
      subjectId: subscriptions.id,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(
      subscriptions,
      and(
        eq(auditLog.entityType, 'subscription'),
        sql`${subscriptions.id}::text = ${auditLog.entityId}`,
        eq(subscriptions.companyId, companyId),
      ),
    )
    .leftJoin(users, sql`${users.id}::text = ${auditLog.actorId}`)
    .where(
      and(
        eq(auditLog.companyId, companyId),
        notInArray(auditLog.action, READ_ACTIONS),
        page.before === undefined ? undefined : lt(auditLog.id, page.before),
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        f.employee ? employeeSql(f.employee) : undefined,
        f.subscriptionIds
          ? and(eq(auditLog.entityType, 'subscription'), inArray(auditLog.entityId, f.subscriptionIds))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
}
