import type { Tx } from '../db/engine';
import { auditLog } from '../db/schema';
import { type Actor, actorId, actorLabel } from './context';

export interface AuditEntry {
  companyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry (rule 13) in the caller's transaction. */
export async function recordAudit(tx: Tx, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    companyId: entry.companyId,
    actorType: actor.type,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
  });
}
