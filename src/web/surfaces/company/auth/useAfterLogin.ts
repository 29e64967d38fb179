import { useQueryClient } from '@tanstack/react-query';
import { resetCsrfToken } from '../../../api';
import { ME_PATH } from '../shared/useMe';

/** A login or logout gives a new session: forget the old CSRF token and every cached answer. */
export function useSessionChanged() {
  const client = useQueryClient();
  return async () => {
    resetCsrfToken();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== '/api/catalog' });
    await client.invalidateQueries({ queryKey: [ME_PATH] });
  };
}
