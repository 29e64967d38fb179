import { dateCell, fieldCell, type SheetCell, textCell } from '../../adapters/files/sheet';
import { type ListTable, listCsvPart, listToXlsx } from '../../adapters/subscriptions/list-export';
import { loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { listDepartments } from '../../db/repositories/departments';
import { osloToday } from '../../domain/calendar';
import type { SubscriptionStatus } from '../../domain/subscription';
import type { AppContext } from '../context';
import { type ListInput, listCompanySubscriptions } from './list-subscriptions';
import type { SubscriptionDto } from './to-dto';

type Lang = 'nb' | 'en';

const HEADERS: Record<Lang, string[]> = {
  nb: ['Etternavn', 'Fornavn', 'Mobil', 'Status', 'Reisendekategori', 'Soner', 'Start', 'Slutt'],
  en: ['Last name', 'First name', 'Mobile', 'Status', 'Traveller category', 'Zones', 'Start', 'End'],
};

const STATUS_TEXT: Record<Lang, Record<SubscriptionStatus, string>> = {
  nb: {
    pending: 'Venter',
    approved: 'Godkjent',
    active: 'Aktiv',
    ended: 'Avsluttet',
    rejected: 'Avvist',
    cancelled: 'Kansellert',
  },
  en: {
    pending: 'Pending',
    approved: 'Approved',
    active: 'Active',
    ended: 'Ended',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
};

/** Rows read and turned into cells at a time by the export (issue 17 item 3). */
export const EXPORT_PAGE_SIZE = 250;

/**
 * Item 16.6: every subscription of the current filter and sort as CSV or XLSX, one row each with
 * names, zones and category by name, the department (when the company has departments) and the
 * order form's own columns. A read: nothing recorded.
 * Issue 17 item 3: the rows are read EXPORT_PAGE_SIZE at a time by the list's keyset cursor, and
 * each page's cells are made before the next is read, so the export never holds the event loop
 * for more than one page's work and ticket fetches keep their pace while an admin exports.
 */
export async function exportSubscriptions(
  ctx: AppContext,
  input: Omit<ListInput, 'limit' | 'cursor'> & { format: 'csv' | 'xlsx'; lang: Lang },
) {
  const { format, lang, ...list } = input;
  const [catalog, company, departments] = await Promise.all([
    loadCatalog(ctx.db),
    findCompany(ctx.db, input.actor.companyId),
    listDepartments(ctx.db, input.actor.companyId),
  ]);
  // Issue 16 item 3: a company with departments gets a department column after the dates.
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const withDepartments = departments.length > 0;
  const zoneName = new Map(catalog.zones.map((z) => [z.id, z.name]));
  const category = new Map(catalog.categories.map((c) => [c.id, lang === 'en' ? c.nameEn : c.name]));
  const fields = company?.orderForm.fields ?? [];
  const yesNo: [string, string] = lang === 'nb' ? ['Ja', 'Nei'] : ['Yes', 'No'];
  const row = (s: SubscriptionDto): SheetCell[] => [
    textCell(s.lastName),
    textCell(s.firstName),
    textCell(s.phone),
    textCell(STATUS_TEXT[lang][s.status]),
    textCell(category.get(s.categoryId) ?? s.categoryId),
    textCell(s.zoneIds.map((z) => zoneName.get(z) ?? z).join(', ')),
    dateCell(s.startDate),
    dateCell(s.endDate),
    ...(withDepartments ? [textCell(s.departmentId ? (departmentName.get(s.departmentId) ?? '') : '')] : []),
    ...fields.map((f) => fieldCell(f.type, s.fields[f.key], yesNo)),
  ];
  const table: ListTable = {
    sheetName: lang === 'nb' ? 'Abonnementer' : 'Subscriptions',
    header: [
      ...HEADERS[lang],
      ...(withDepartments ? [lang === 'nb' ? 'Avdeling' : 'Department'] : []),
      ...fields.map((f) => f.label),
    ],
    rows: [],
  };
  // CSV is written page by page too; XLSX gets every row at the end.
  const csv: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCompanySubscriptions(ctx, { ...list, limit: EXPORT_PAGE_SIZE, cursor });
    const rows = page.items.map(row);
    if (format === 'csv') csv.push(listCsvPart(csv.length === 0 ? table.header : null, rows));
    else table.rows.push(...rows);
    cursor = page.nextCursor ?? undefined;
    // Let waiting requests run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  } while (cursor);
  const name = `abonnementer-${osloToday(ctx.clock.now())}`;
  return format === 'csv'
    ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: csv.join('') }
    : {
        filename: `${name}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await listToXlsx(table),
      };
}
