import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized } from '../api/api-error.ts';

/**
 * `onUnauthorized` runs when any query answers 401: the key was revoked or the database was
 * reset while the tab was open, so the session is over.
 */
export function createQueryClient(onUnauthorized: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        // An answered error (4xx, 5xx) will answer the same again; only a lost connection is retried.
        retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
        staleTime: 30_000,
      },
    },
  });
}
