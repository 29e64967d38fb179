import { useApiMutation } from '../../../../query';

export type ActionProps<S> = { subscription: S; open: boolean; onClose: () => void; onDone?: () => void };

/** POST /api/company/subscriptions/{id}/{action}; refreshes every company query on success. */
export function useSubscriptionAction<T, V>(id: string, action: string, onDone: () => void) {
  return useApiMutation<T, V>('post', `/api/company/subscriptions/${encodeURIComponent(id)}/${action}`, {
    invalidates: ['/api/company/'],
    onSuccess: onDone,
  });
}
