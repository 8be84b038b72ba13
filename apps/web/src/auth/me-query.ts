import { queryOptions } from '@tanstack/react-query';
import type { QuipApi } from '../api/quip-api.ts';

/** Who the stored API key belongs to; sign-in fills it, sign-out clears the whole cache. */
export function meQueryOptions(api: QuipApi) {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.me({ signal }),
    staleTime: 5 * 60_000,
  });
}
