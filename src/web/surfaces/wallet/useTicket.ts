import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ApiError, api } from '../../api';
import { learnServerTime, syncDevClock } from './clock';
import { dpopHeaders, withDpopRetry } from './device-key';
import { forgetTicket, savedTicket, saveTicket } from './storage';
import type { Ticket } from './types';

/** While a ticket is shown it is checked again every minute (a move elsewhere shows within one). */
const REFRESH_MS = 60_000;

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** A ticket API call with a DPoP proof, retried with the server's nonce; its serverTime sets the clock. */
export async function ticketCall(call: () => Promise<Ticket>): Promise<Ticket> {
  return withDpopRetry(async () => {
    const sentAt = Date.now();
    const ticket = await call();
    learnServerTime(ticket.serverTime, sentAt, Date.now());
    return ticket;
  });
}

/**
 * Fetches the ticket with a DPoP proof of this device's key (issue 13); a ticket not activated
 * anywhere yet is activated here on first open.
 */
export async function fetchTicket(token: string): Promise<Ticket> {
  await syncDevClock();
  const path = `/api/tickets/${encodeURIComponent(token)}`;
  const ticket = await ticketCall(async () => api.get<Ticket>(path, await dpopHeaders('GET', path)));
  if (ticket.device !== 'none') return ticket;
  return ticketCall(() =>
    api.postWith<Ticket>(`${path}/activate`, {}, () => dpopHeaders('POST', `${path}/activate`)),
  );
}

/**
 * The ticket from the server when online (refreshed every ten minutes, on reconnect and on
 * focus, so the next days' credentials arrive), else the copy saved on this device, which
 * holds credentials for the next days so the ticket works offline that long.
 */
export function useTicket(token: string) {
  const query = useQuery<Ticket, ApiError>({
    queryKey: ['ticket', token],
    queryFn: () => fetchTicket(token),
    refetchInterval: REFRESH_MS,
    refetchOnReconnect: 'always',
    // Shown again (the tab or the app comes to the front): checked again at once (issue 13, M4).
    refetchOnWindowFocus: 'always',
    staleTime: 60_000,
  });
  const online = useOnline();
  const notFound = query.error?.status === 404;
  useEffect(() => {
    if (query.data) saveTicket(token, query.data, new Date());
    if (notFound) forgetTicket(token);
  }, [query.data, notFound, token]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read storage when an answer arrives
  const saved = useMemo(() => savedTicket(token), [token, query.data, query.error]);
  const ticket = query.data ?? (notFound ? undefined : saved?.ticket);
  return {
    ticket,
    notFound,
    loading: query.isPending && !ticket,
    /** Shown from an earlier copy because the server could not be reached. */
    offlineSince:
      ticket && (!online || query.error?.status === 0)
        ? (saved?.savedAt ?? new Date(query.dataUpdatedAt).toISOString())
        : null,
    error: ticket || notFound ? null : query.error,
    /** It was on this device and has been moved to another one (issue 13, M4). */
    // The copy read in this render is the one from before the answer was saved.
    movedAway: ticket?.device === 'other' && (saved?.movedAway === true || saved?.ticket.device === 'this'),
    refetch: query.refetch,
  };
}

export { ApiError };
