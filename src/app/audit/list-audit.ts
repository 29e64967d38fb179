import { listCompanyAudit } from '../../db/repositories/audit';
import type { AppContext, CompanyAdminActor } from '../context';

export type AuditEntryDto = {
  id: number;
  at: string;
  actorType: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export function toAuditDto(row: {
  id: number;
  at: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** Rule 13: the company's own audit log, newest first, paged by entry id. */
export async function listAudit(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; limit: number; before?: number },
) {
  const rows = await listCompanyAudit(ctx.db, input.actor.companyId, {
    limit: input.limit + 1,
    before: input.before,
  });
  const items = rows.slice(0, input.limit).map(toAuditDto);
  const nextBefore = rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null;
  return { items, nextBefore };
}
