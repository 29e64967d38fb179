import { useQueryClient } from '@tanstack/react-query';
import { resetCsrfToken } from '../../../api';
import { useApiQuery } from '../../../query';

export const ME_PATH = '/api/auth/me';

export type OperatorUser = {
  id: string;
  email: string;
  name: string;
  role: 'operator' | 'company_admin';
  operatorRole?: 'admin' | 'read_only' | 'inspector';
};

/** The logged-in user, or an ApiError 401 when nobody is logged in. */
export function useMe() {
  return useApiQuery<{ user: OperatorUser }>(ME_PATH, { retry: false, staleTime: 60_000 });
}

/** Read-only staff see everything but get no buttons that change anything (inspectors see nothing). */
export function useCanWrite(): boolean {
  const me = useMe();
  return me.data?.user.role === 'operator' && (me.data.user.operatorRole ?? 'admin') === 'admin';
}

/** A login or logout gives a new session: forget the old CSRF token and every cached answer. */
export function useSessionChanged() {
  const client = useQueryClient();
  return async () => {
    resetCsrfToken();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== '/api/catalog' });
    await client.invalidateQueries({ queryKey: [ME_PATH] });
  };
}
