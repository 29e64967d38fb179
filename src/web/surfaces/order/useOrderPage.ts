import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { resetCsrfToken } from '../../api';
import { useApiQuery } from '../../query';
import type { OrderPage } from './types';

export function useOrderToken(): string {
  return useParams().orderToken ?? '';
}

/**
 * The API base of the link the employee logs in through: the order link
 * (`/api/order/{orderToken}`) or the consent link (`/api/consent/{consentToken}`, issue 15 (b)).
 */
export function useLoginBase(): string {
  const params = useParams();
  return params.consentToken !== undefined
    ? `/api/consent/${encodeURIComponent(params.consentToken)}`
    : `/api/order/${encodeURIComponent(params.orderToken ?? '')}`;
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
    await client.invalidateQueries({
      predicate: (q) => /^\/api\/(order|consent)\//.test(String(q.queryKey[0])),
    });
  };
}
