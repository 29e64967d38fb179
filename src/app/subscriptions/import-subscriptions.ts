import type { Tx } from '../../db/engine';
import { loadCatalog } from '../../db/repositories/catalog';
import { findCompany } from '../../db/repositories/companies';
import { listDepartments } from '../../db/repositories/departments';
import { listSubscriptions, type SubscriptionWithZones } from '../../db/repositories/subscriptions';
import type { OrderField } from '../../db/schema/companies';
import { osloToday } from '../../domain/calendar';
import { AppError, type ErrorCode } from '../../domain/errors';
import { normalizeMobile } from '../../domain/phone';
import {
  defaultManualStartDate,
  deriveStatus,
  isLive,
  validateManualStartDate,
} from '../../domain/subscription';
import { type ImportFile, type ImportTable, readImportFile } from '../companies/read-import-file';
import type { AppContext, CompanyAdminActor } from '../context';
import { assertCanChange, assertInDepartmentScope, departmentScope } from '../context';
import { type FieldValue, validateOrderFields } from '../employee/order-fields';
import { changeCategory } from './change-category';
import { changeZones } from './change-zones';
import { createSubscription } from './create-subscription';
import { endSubscription } from './end-subscription';
import { moveToDepartment } from './move-to-department';
import { type SubscriptionDto, toSubscriptionDto } from './to-dto';

const COLUMNS = {
  firstName: ['fornavn', 'first name', 'firstname'],
  lastName: ['etternavn', 'last name', 'lastname', 'surname'],
  phone: ['mobil', 'mobilnummer', 'telefon', 'phone', 'mobile'],
  zones: ['soner', 'sone', 'zones', 'zone'],
  category: ['kategori', 'reisendekategori', 'category'],
  startDate: ['startdato', 'start', 'startdate', 'start date'],
  endDate: ['sluttdato', 'slutt', 'til og med', 'enddate', 'end date', 'end'],
  department: ['avdeling', 'department', 'koststed', 'cost centre', 'cost center'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['firstName', 'lastName', 'phone', 'zones', 'category'];

export type RowError = {
  field: string;
  code: ErrorCode;
  details?: unknown;
  /** The values the error's message names (e.g. the allowed countries). */
  params?: Record<string, string | number>;
};
export type ImportRow = {
  line: number;
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  /** The row's own start date as written (as an ISO date when it reads as one), else the default. */
  startDate: string;
  /** The row's end date (the ticket's last valid day) as written, or null when the cell is empty. */
  endDate: string | null;
  /** The company's own fields (employee number …) read from their columns. */
  fields: Record<string, FieldValue>;
  /**
   * What the row does (issue 16 item 2): `create` a new subscription; `update` the employee's
   * current one (same mobile number), whose `changes` list what differs; `unchanged` when the
   * current one already is as the row says (a file imported twice changes nothing).
   */
  action: 'create' | 'update' | 'unchanged';
  changes: ('zones' | 'category' | 'endDate' | 'department')[];
  /** The current subscription a row updates; absent for `create`. */
  subscriptionId?: string;
  /** The department named in the row by its name or cost centre (issue 16 item 3), or null. */
  departmentId: string | null;
  errors: RowError[];
};

const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  PHONE_INVALID: 'phone',
  PHONE_COUNTRY_NOT_ALLOWED: 'phone',
  SUBSCRIPTION_EXISTS: 'phone',
  ZONE_UNKNOWN: 'zones',
  ZONES_REQUIRED: 'zones',
  CATEGORY_UNKNOWN: 'category',
  PRICE_MISSING: 'category',
  START_DATE_INVALID: 'startDate',
  DATE_INVALID: 'startDate',
  END_DATE_INVALID: 'endDate',
};

function columnIndexes(header: string[]): Record<Column, number> {
  const lower = header.map((h) => h.toLowerCase());
  const indexes = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [
      c,
      lower.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  const missing = REQUIRED.filter((c) => indexes[c] < 0);
  if (missing.length > 0)
    throw new AppError('IMPORT_INVALID', { details: { reason: 'missing_columns', missing } });
  return indexes;
}

/** '1.3.2027' or '01.03.2027' (as Norwegians write it) → '2027-03-01'; anything else unchanged. */
function isoDate(value: string): string {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return nb ? `${nb[3]}-${nb[2]!.padStart(2, '0')}-${nb[1]!.padStart(2, '0')}` : value;
}

function errorOf(error: unknown): RowError {
  if (!(error instanceof AppError)) throw error;
  const path = Array.isArray(error.details) ? (error.details[0] as { path?: string })?.path : undefined;
  const field = FIELD_OF[error.code] ?? path ?? 'row';
  // A message that names its field names the file's column, not the request body.
  const params = error.params ? { ...error.params, field } : undefined;
  return { field, code: error.code, details: error.details, ...(params ? { params } : {}) };
}

/** A checkbox cell: ja/yes/x/1/true is checked, empty or nei/no/0/false is not; anything else stays text. */
function checkboxValue(cell: string): boolean | string {
  const v = cell.trim().toLowerCase();
  if (['ja', 'yes', 'x', '1', 'true', 'sann'].includes(v)) return true;
  if (['', 'nei', 'no', '0', 'false', 'usann'].includes(v)) return false;
  return cell;
}

/**
 * Issue 16 item 8: the company's own fields have a column each, headed by the field's label or
 * key, and are checked as for an employee's order: a field required of employees (e.g. the
 * employee number) is required on every row. Each problem is a row error named by the label.
 */
function readFields(form: OrderField[], header: string[], cells: string[]) {
  const lower = header.map((h) => h.trim().toLowerCase());
  const raw: Record<string, unknown> = {};
  for (const f of form) {
    const i = lower.findIndex((h) => h === f.label.toLowerCase() || h === f.key.toLowerCase());
    const cell = i >= 0 ? (cells[i] ?? '') : '';
    raw[f.key] = f.type === 'checkbox' ? checkboxValue(cell) : cell;
  }
  try {
    return { fields: validateOrderFields(form, raw), errors: [] as RowError[] };
  } catch (error) {
    if (!(error instanceof AppError) || !Array.isArray(error.details)) throw error;
    const errors = (error.details as { path: string; problem: string; params?: object }[]).map((d) => {
      const key = d.path.replace(/^body\.fields\./, '');
      const label = form.find((f) => f.key === key)?.label ?? key;
      return { field: label, code: error.code, details: [{ ...d, path: label }] };
    });
    return { fields: {}, errors };
  }
}

/** A department found by its name or cost centre, case-insensitive. */
type DepartmentKeys = Map<string, string>;

async function toRows(
  ctx: AppContext,
  table: ImportTable,
  today: string,
  form: OrderField[],
  departmentsByKey: DepartmentKeys,
  departmentRequired: boolean,
): Promise<ImportRow[]> {
  const col = columnIndexes(table.header);
  const catalog = await loadCatalog(ctx.db);
  const zoneByName = new Map(
    catalog.zones.flatMap((z) => [
      [z.id, z.id],
      [z.name.toLowerCase(), z.id],
    ]),
  );
  const categoryByName = new Map(
    catalog.categories.flatMap((c) => [
      [c.id, c.id],
      [c.name.toLowerCase(), c.id],
      [c.nameEn.toLowerCase(), c.id],
    ]),
  );
  /** The first line each phone number stood on: a repeat inside the file is not an existing subscription. */
  const firstLineOf = new Map<string, number>();
  return table.rows.map(({ line, cells }) => {
    const cell = (c: Column) => (col[c] >= 0 ? (cells[col[c]] ?? '') : '');
    const errors: RowError[] = [];
    const zoneIds = cell('zones')
      .split(/[,;|/]/)
      .map((z) => z.trim())
      .filter(Boolean)
      .map((z) => zoneByName.get(z.toLowerCase()) ?? z);
    // The row's own date is what the preview shows, also when it is refused (a date in the past).
    const written = cell('startDate').trim();
    const startDate = written ? isoDate(written) : defaultManualStartDate(today);
    try {
      if (written) validateManualStartDate(startDate, today);
    } catch (error) {
      errors.push(errorOf(error));
    }
    const phone = normalizeMobile(cell('phone')) ?? cell('phone');
    const earlier = phone ? firstLineOf.get(phone) : undefined;
    if (earlier !== undefined)
      errors.push({ field: 'phone', code: 'IMPORT_ROW_REPEATED', details: { line: earlier } });
    else if (phone) firstLineOf.set(phone, line);
    const own = readFields(form, table.header, cells);
    errors.push(...own.errors);
    const end = cell('endDate').trim();
    const departmentCell = cell('department').trim();
    const departmentId = departmentCell ? (departmentsByKey.get(departmentCell.toLowerCase()) ?? null) : null;
    if ((departmentCell && !departmentId) || (!departmentCell && departmentRequired))
      errors.push({
        field: 'department',
        code: 'DEPARTMENT_UNKNOWN',
        details: [{ path: 'department', problem: departmentCell ? 'unknown' : 'required' }],
      });
    return {
      line,
      firstName: cell('firstName'),
      lastName: cell('lastName'),
      phone,
      zoneIds,
      categoryId: categoryByName.get(cell('category').toLowerCase()) ?? cell('category'),
      startDate,
      endDate: end ? isoDate(end) : null,
      fields: own.fields,
      action: 'create' as const,
      changes: [],
      departmentId,
      errors,
    };
  });
}

/**
 * An end date in the file before the subscription's start is a mistake in the file, not a
 * cancellation: END_DATE_INVALID at the row's end-date column, and nothing is created or sent.
 */
function assertEndNotBeforeStart(endDate: string, startDate: string) {
  if (endDate < startDate)
    throw new AppError('END_DATE_INVALID', { details: { field: 'endDate', endDate, startDate } });
}

/** The employee's current (pending, approved or active) subscription in the company, by mobile number. */
async function currentSubscription(tx: Tx, companyId: string, phone: string, now: Date) {
  if (!phone) return null;
  const all = await listSubscriptions(tx, companyId, { phone });
  return all.find((s) => isLive(deriveStatus(s, now))) ?? null;
}

/**
 * A row for an employee who already has a current subscription updates it with the same use cases
 * as the portal's buttons (so the same rules, audit entries and messages): other zones or another
 * category from the 1st of next month (or from its start, if it has not started), another department
 * when the row names one, and an end date
 * in the file ends it on that date (a category change first, then the end of the replacement).
 * The row's start date is not used. Fills in the row's action and changes.
 */
async function updateFromRow(
  ctx: AppContext,
  actor: CompanyAdminActor,
  row: ImportRow,
  current: SubscriptionWithZones,
) {
  // A department admin's import never reaches (nor names) a subscription outside their departments.
  assertInDepartmentScope(actor, current.departmentId);
  row.subscriptionId = current.id;
  row.action = 'update'; // also when the update is then refused: the row is about this subscription
  if (row.endDate !== null) assertEndNotBeforeStart(row.endDate, current.startDate);
  // The zones it will have (a change already planned counts): the file is compared with them.
  const zonesNow = current.zoneSets.at(-1);
  const sameZones =
    zonesNow !== undefined &&
    zonesNow.zoneIds.length === row.zoneIds.length &&
    zonesNow.zoneIds.every((z) => row.zoneIds.includes(z));
  let id = current.id;
  if (current.categoryId !== row.categoryId) {
    row.changes.push('category');
    const { created } = await changeCategory(ctx, {
      actor,
      id,
      categoryId: row.categoryId,
      effective: 'next_month',
    });
    id = created.id;
  }
  if (!sameZones) {
    row.changes.push('zones');
    await changeZones(ctx, { actor, id, zoneIds: row.zoneIds, effective: 'next_month' });
  }
  // A department named in the row moves the subscription there; an empty cell leaves it.
  if (row.departmentId !== null && row.departmentId !== current.departmentId) {
    row.changes.push('department');
    await moveToDepartment(ctx, { actor, id, departmentId: row.departmentId });
  }
  if (row.endDate !== null && row.endDate !== current.endDate) {
    row.changes.push('endDate');
    await endSubscription(ctx, { actor, id, effective: 'date', endDate: row.endDate });
  }
  row.action = row.changes.length > 0 ? 'update' : 'unchanged';
}

/** Thrown to roll a dry run (or a file with errors) back after every row has been tried. */
class RollBack extends Error {}

/**
 * Bulk add, update and end from a CSV or XLSX file (a CSV file's encoding is detected and returned
 * as `encoding`). A row whose mobile number has no current subscription is added exactly as "Nytt
 * abonnement" would do it; one that has is updated (zones, category, end date: see updateFromRow).
 * An optional end-date column (Sluttdato, YYYY-MM-DD or D.M.YYYY) ends the row's subscription on
 * that date. Each row runs in its own savepoint, so the preview shows every row's errors and action.
 * A dry run, or a file with any error, rolls everything back (IMPORT_INVALID with the rows);
 * otherwise all rows commit at once.
 */
export async function importSubscriptions(
  ctx: AppContext,
  input: { actor: CompanyAdminActor; file: ImportFile; dryRun: boolean },
) {
  assertCanChange(input.actor);
  const now = ctx.clock.now();
  const { companyId } = input.actor;
  const table = await readImportFile(input.file);
  const company = await findCompany(ctx.db, companyId);
  if (!company) throw new AppError('NOT_FOUND');
  // Issue 16 items 3 and 4: a department column names one of the company's departments (a
  // department admin's own only, and required of them) by its name or its cost centre.
  const scope = departmentScope(input.actor);
  const departments = await listDepartments(ctx.db, companyId, scope ? { ids: scope } : {});
  const departmentsByKey: DepartmentKeys = new Map(
    departments.flatMap((d) => [
      [d.costCentre.toLowerCase(), d.id],
      [d.name.toLowerCase(), d.id],
    ]),
  );
  const rows = await toRows(
    ctx,
    table,
    osloToday(now),
    company.orderForm.fields,
    departmentsByKey,
    scope !== null,
  );
  const created: SubscriptionDto[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await findCompany(tx, companyId, { forUpdate: true }))) throw new AppError('NOT_FOUND');
      for (const row of rows) {
        if (row.errors.length > 0) continue;
        try {
          await tx.transaction(async (savepoint) => {
            const db = { ...ctx, db: savepoint as unknown as AppContext['db'] };
            const current = await currentSubscription(savepoint, companyId, row.phone, now);
            if (current) {
              await updateFromRow(db, input.actor, row, current);
              return;
            }
            const { subscription } = await createSubscription(savepoint, ctx, {
              actor: input.actor,
              companyId,
              phone: row.phone,
              firstName: row.firstName,
              lastName: row.lastName,
              categoryId: row.categoryId,
              zoneIds: row.zoneIds,
              startDate: row.startDate,
              state: 'approved',
              source: 'import',
              fields: row.fields,
              departmentId: row.departmentId,
              notify: !input.dryRun,
            });
            if (row.endDate !== null) {
              row.changes.push('endDate');
              assertEndNotBeforeStart(row.endDate, subscription.startDate);
              await endSubscription(db, {
                actor: input.actor,
                id: subscription.id,
                effective: 'date',
                endDate: row.endDate,
              });
            }
            created.push(toSubscriptionDto(subscription, now));
          });
        } catch (error) {
          row.errors.push(errorOf(error));
        }
      }
      if (input.dryRun || rows.some((r) => r.errors.length > 0)) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    const valid = rows.every((r) => r.errors.length === 0);
    if (input.dryRun) {
      return { dryRun: true as const, valid, total: rows.length, encoding: table.encoding, rows, items: [] };
    }
    throw new AppError('IMPORT_INVALID', { details: { rows: rows.filter((r) => r.errors.length > 0) } });
  }
  return {
    dryRun: false as const,
    valid: true,
    total: rows.length,
    encoding: table.encoding,
    rows,
    items: created,
  };
}
