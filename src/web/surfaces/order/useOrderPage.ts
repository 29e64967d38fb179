import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { resetCsrfToken } from '../../api';
import { useApiQuery } from '../../query';
import type { OrderPage } from './types';

export function useOrderToken(): string {
  return useParams().orderToken ?? '';
}

/** The order link's page data; the path is the query key. */
export function useOrderPage() {
  const token = useOrderToken();
  const path = `/api/order/${encodeURIComponent(token)}`;
  return { path, token, query: useApiQuery<OrderPage>(path) };
}

/** After login or logout the session (and its CSRF token) changed: refetch what depends on it. */
export function useSessionChanged() {
  const client = useQueryClient();
  return async () => {
    resetCsrfToken();
    client.removeQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/me') });
    await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/order/') });
  };
}
