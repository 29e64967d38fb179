import { useApiQuery } from '../../../query';
import type { User } from '../types';

export const ME_PATH = '/api/auth/me';

/** The logged-in user, or an ApiError 401 when nobody is logged in. */
export function useMe() {
  return useApiQuery<{ user: User }>(ME_PATH, { retry: false, staleTime: 60_000 });
}

/** Issue 16 item 4: a payroll admin gets no buttons that change anything (the server refuses them too). */
export function useCanChange(): boolean {
  return useMe().data?.user.companyRole !== 'payroll';
}
