import {
  type MutateOptions,
  QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
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
 *
 * No double submit (issue 15 item 5), here at the root of every sending button and form: while a
 * request of this mutation is in flight, `mutate` does nothing and `mutateAsync` answers the
 * request under way, so a double click or a double tap sends one request and never shows the
 * second one's error over the first one's success. The guard is a ref, set in the same event
 * that sends, so it holds before React has re-rendered the button as busy (Button `loading`,
 * which the stylesheet makes unclickable).
 */
export function useApiMutation<T, V = unknown>(
  method: Mutating,
  path: string | ((vars: V) => string),
  options: Omit<UseMutationOptions<T, ApiError, V>, 'mutationFn'> & { invalidates?: string[] } = {},
) {
  const client = useQueryClient();
  const { invalidates = [], onSuccess, ...rest } = options;
  const mutation = useMutation<T, ApiError, V>({
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
  const inFlight = useRef<Promise<T> | null>(null);
  const send = mutation.mutateAsync;
  const mutateAsync = useCallback(
    (vars: V, callbacks?: MutateOptions<T, ApiError, V>): Promise<T> => {
      if (inFlight.current) return inFlight.current;
      const request = send(vars, callbacks).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = request;
      return request;
    },
    [send],
  );
  const mutate = useCallback(
    (vars: V, callbacks?: MutateOptions<T, ApiError, V>): void => {
      if (inFlight.current) return;
      // The error is in `mutation.error` (and the callbacks); not an unhandled rejection.
      mutateAsync(vars, callbacks).catch(() => undefined);
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync };
}
