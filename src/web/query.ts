import {
  QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api } from './api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry network trouble and 5xx, never a 4xx: the answer will not change.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      staleTime: 10_000,
    },
  },
});

/** GET `path` with TanStack Query; the path is the cache key, so invalidate by path prefix. */
export function useApiQuery<T>(
  path: string,
  options?: Omit<UseQueryOptions<T, ApiError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<T, ApiError>({ queryKey: [path], queryFn: () => api.get<T>(path), ...options });
}

type Mutating = 'post' | 'put' | 'patch' | 'delete';

/**
 * A mutation that sends its variables as the JSON body; on success it invalidates the
 * queries whose paths start with any of `invalidates`.
 */
export function useApiMutation<T, V = unknown>(
  method: Mutating,
  path: string | ((vars: V) => string),
  options: Omit<UseMutationOptions<T, ApiError, V>, 'mutationFn'> & { invalidates?: string[] } = {},
) {
  const client = useQueryClient();
  const { invalidates = [], onSuccess, ...rest } = options;
  return useMutation<T, ApiError, V>({
    mutationFn: (vars) => api[method]<T>(typeof path === 'function' ? path(vars) : path, vars),
    onSuccess: async (...args) => {
      await Promise.all(
        invalidates.map((prefix) =>
          client.invalidateQueries({
            predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith(prefix),
          }),
        ),
      );
      await onSuccess?.(...args);
    },
    ...rest,
  });
}
