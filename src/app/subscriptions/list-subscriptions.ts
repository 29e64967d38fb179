import { pageSubscriptions, sortArity } from '../../db/repositories/subscription-list';
import { osloToday } from '../../domain/calendar';
import type { ListDirection, ListFilter, ListSort } from '../../domain/subscription-list';
import type { AppContext, CompanyAdminActor, OperatorActor } from '../context';
import { departmentFilter } from '../departments/department-filter';
import { decodeCursor, encodeCursor } from './list-query';
import { type SubscriptionDto, toSubscriptionDto } from './to-dto';

export interface ListInput extends ListFilter {
  /** A company admin lists the own company; the operator (read-only, issue 16 item 5) names one. */
  actor: CompanyAdminActor | (OperatorActor & { companyId: string });
  sort?: ListSort;
  dir?: ListDirection;
  /** Rows per page; without it every matching row comes at once (the contract's first shape). */
  limit?: number;
  cursor?: string;
}

/**
 * Item 16.6: the company's subscriptions, filtered and sorted in the database (default by name:
 * last name, first name), a page of `limit` at a time with an opaque `nextCursor` (null on the last
 * page). A cursor from another sort or an edited one is VALIDATION_FAILED naming `cursor`.
 * `department` narrows to one department (or `none`); a department admin sees only their
 * departments' subscriptions (issue 16 items 3 and 4).
 */
export async function listCompanySubscriptions(
  ctx: AppContext,
  input: ListInput,
): Promise<{ items: SubscriptionDto[]; nextCursor: string | null }> {
  const now = ctx.clock.now();
  const sort = input.sort ?? 'name';
  const dir = input.dir ?? 'asc';
  const after = input.cursor ? decodeCursor(input.cursor, sort, dir, sortArity(sort)) : undefined;
  const { actor, sort: _s, dir: _d, limit, cursor: _c, ...filter } = input;
  // Issue 16 items 3 and 4: the department filter, and a department admin's departments only.
  const departments = departmentFilter(actor, filter.department);
  const rows = await pageSubscriptions(ctx.db, actor.companyId, {
    filter: { ...filter, department: departments.department, departmentScope: departments.scope },
    sort,
    dir,
    after,
    limit: limit === undefined ? undefined : limit + 1,
    today: osloToday(now),
    now,
  });
  const page = limit === undefined ? rows : rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    limit !== undefined && rows.length > limit && last
      ? encodeCursor({ sort, dir, values: last.keys, id: last.row.id })
      : null;
  return { items: page.map((r) => toSubscriptionDto(r.row, now)), nextCursor };
}
