import type { Ticket } from './types';

/** Tickets saved on this device (several), so the wallet works offline once opened. */
export interface SavedTicket {
  token: string;
  ticket: Ticket;
  savedAt: string;
  /** The ticket was shown on this device and has since been moved to another (issue 13, M4). */
  movedAway?: boolean;
}

const KEY = 'bedriftsbillett.wallet.v1';

export function savedTickets(): SavedTicket[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as SavedTicket[]).filter((t) => t && typeof t.token === 'string') : [];
  } catch {
    return [];
  }
}

function write(list: SavedTicket[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the ticket still shows while the page is open.
  }
}

export function savedTicket(token: string): SavedTicket | undefined {
  return savedTickets().find((t) => t.token === token);
}

/** Saves the newest copy; one that was on this device and now is on another is marked movedAway. */
export function saveTicket(token: string, ticket: Ticket, at: Date): void {
  const list = savedTickets();
  const before = list.find((t) => t.token === token);
  const movedAway =
    ticket.device === 'other' && (before?.ticket.device === 'this' || before?.movedAway === true);
  const others = list.filter((t) => t.token !== token);
  write([{ token, ticket, savedAt: at.toISOString(), ...(movedAway ? { movedAway } : {}) }, ...others]);
}

export function forgetTicket(token: string): void {
  write(savedTickets().filter((t) => t.token !== token));
}
