import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, bearer, dataOf } from '../api/api-client.ts';

/** Who the stored API key belongs to; sign-in fills it, sign-out clears the whole cache. */
export function meQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** Who a key belongs to, asked before the key is stored (sign-in). */
export function whoIs(api: ApiClient, key: string) {
  return dataOf(api.GET('/api/v1/me', { headers: bearer(key) }));
}
