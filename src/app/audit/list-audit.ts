import type { Tx } from '../../db/engine';
import { type AuditFilter, type AuditRowWithNames, listCompanyAudit } from '../../db/repositories/audit';
import { loadCatalog } from '../../db/repositories/catalog';
import { type AuditChange, type AuditLang, describeAudit } from '../../domain/audit-text';
import { addDays, startOfDayOslo } from '../../domain/calendar';
import { type AppContext, assertFullAdmin, type CompanyAdminActor } from '../context';

/** One audit entry as the portal shows it: a sentence in the reader's language, no ids or JSON. */
export type AuditEntryDto = {
  id: number;
  at: string;
  actorType: string;
  /** The acting person's name (or e-mail); null for the system. */
  actorName: string | null;
  action: string;
  /** The employee the entry is about, with the subscription to link to. */
  subject: { name: string; subscriptionId: string } | null;
  sentence: string;
  changes: AuditChange[];
};

/** Turns stored entries into readable ones: names resolved, a sentence and the differences. */
export async function describeEntries(
  tx: Tx,
  rows: AuditRowWithNames[],
  lang: AuditLang,
): Promise<AuditEntryDto[]> {
  const catalog = await loadCatalog(tx);
  const zone = (id: string) => catalog.zones.find((z) => z.id === id)?.name ?? id;
  const category = (id: string) => {
    const c = catalog.categories.find((x) => x.id === id);
    return c ? (lang === 'en' ? c.nameEn : c.name) : id;
  };
  return rows.map((row) => {
    const subject =
      row.subjectId && row.subjectFirstName !== null
        ? {
            name: `${row.subjectFirstName} ${row.subjectLastName ?? ''}`.trim(),
            subscriptionId: row.subjectId,
          }
        : null;
    const person = row.actorType === 'company_admin' || row.actorType === 'operator';
    const actorName = person ? row.actorName || row.actorLabel || null : null;
    const text = describeAudit(
      row,
      { actor: actorName, subject: subject?.name ?? null, zone, category },
      lang,
    );
    return {
      id: row.id,
      at: row.at.toISOString(),
      actorType: row.actorType,
      actorName,
      action: row.action,
      subject,
      sentence: text.sentence,
      changes: text.changes,
    };
  });
}

/**
 * Rule 13 and issue 16 item 7: the company's own audit log, newest first, paged by entry id,
 * filtered by employee (name words), action, admin and Oslo dates (from/to inclusive), each entry
 * a sentence in the reader's language. Reads (a wallet fetching its credential) are not in it.
 */
export async function listAudit(
  ctx: AppContext,
  input: {
    actor: CompanyAdminActor;
    limit: number;
    before?: number;
    lang: AuditLang;
    employee?: string;
    action?: string;
    actorId?: string;
    from?: string;
    to?: string;
  },
) {
  assertFullAdmin(input.actor);
  const filter: AuditFilter = {
    employee: input.employee,
    action: input.action,
    actorId: input.actorId,
    from: input.from ? startOfDayOslo(input.from) : undefined,
    to: input.to ? startOfDayOslo(addDays(input.to, 1)) : undefined,
  };
  const rows = await listCompanyAudit(ctx.db, input.actor.companyId, {
    limit: input.limit + 1,
    before: input.before,
    filter,
  });
  const items = await describeEntries(ctx.db, rows.slice(0, input.limit), input.lang);
  const nextBefore = rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null;
  return { items, nextBefore };
}
