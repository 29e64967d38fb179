import type { SubscriptionStatus } from './subscription';

/** Item 16.6: the columns the subscription list sorts by; every sort ends with name and id. */
export const LIST_SORTS = ['name', 'status', 'start', 'end', 'department'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type ListDirection = 'asc' | 'desc';

/** What the list is filtered by; every part optional, all given parts must hold. */
export interface ListFilter {
  status?: SubscriptionStatus;
  zoneId?: string;
  categoryId?: string;
  /** yes: an end date from today on (not revoked); no: no end date. */
  plannedEnd?: 'yes' | 'no';
  /** Only subscriptions whose end date is on or before this day (a planned end or a past one). */
  endsBy?: string;
  /** Every word must be in the name, or the digits in the phone, or the text in an order-form field. */
  q?: string;
  /** Issue 16 item 3: one department's id, or `none` for subscriptions without a department. */
  department?: string;
  /** Issue 16 item 4: a department admin's departments; only their subscriptions are listed. */
  departmentScope?: string[] | null;
}

/** The position after the last row of a page: its sort values and id, for keyset paging. */
export interface ListCursor {
  sort: ListSort;
  dir: ListDirection;
  values: (string | number)[];
  id: string;
}
