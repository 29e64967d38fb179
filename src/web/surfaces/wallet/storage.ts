import type { Ticket } from './types';

/** Tickets saved on this device (several), so the wallet works offline once opened. */
export interface SavedTicket {
  token: string;
  ticket: Ticket;
  savedAt: string;
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

export function saveTicket(token: string, ticket: Ticket, at: Date): void {
  const others = savedTickets().filter((t) => t.token !== token);
  write([{ token, ticket, savedAt: at.toISOString() }, ...others]);
}

export function forgetTicket(token: string): void {
  write(savedTickets().filter((t) => t.token !== token));
}
