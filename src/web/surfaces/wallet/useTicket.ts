import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ApiError, api } from '../../api';
import { syncDevClock } from './clock';
import { dpopHeaders } from './device-key';
import { forgetTicket, savedTicket, saveTicket } from './storage';
import type { Ticket } from './types';

const REFRESH_MS = 10 * 60_000;

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

/**
 * Fetches the ticket with a DPoP proof of this device's key (issue 13); a ticket not activated
 * anywhere yet is activated here on first open.
 */
export async function fetchTicket(token: string): Promise<Ticket> {
  await syncDevClock();
  const path = `/api/tickets/${encodeURIComponent(token)}`;
  const ticket = await api.get<Ticket>(path, await dpopHeaders('GET', path));
  if (ticket.device !== 'none') return ticket;
  return api.postWith<Ticket>(`${path}/activate`, {}, () => dpopHeaders('POST', `${path}/activate`));
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
    refetch: query.refetch,
  };
}

export { ApiError };
