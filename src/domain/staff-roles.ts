/**
 * The operator's staff roles (issue 7 item 6; `inspector` since issue 13 item 6):
 * - `admin` does everything in the back office and may inspect tickets by number;
 * - `read_only` sees the back office and changes nothing;
 * - `inspector` only inspects tickets (the /kontroll page and its number lookup), nothing else.
 * A user without a role (the first operator) is an admin.
 */
export const OPERATOR_ROLES = ['admin', 'read_only', 'inspector'] as const;

export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** Whether the role may use the back office (`/api/operator/*`, the /operator pages) at all. */
export function usesBackOffice(role: OperatorRole): boolean {
  return role !== 'inspector';
}

/** Whether the role may look a ticket up by its number (`GET /api/inspection/tickets/{ticketNumber}`). */
export function mayLookUpTicketNumbers(role: OperatorRole): boolean {
  return role === 'admin' || role === 'inspector';
}
