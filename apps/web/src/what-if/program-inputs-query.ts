import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, dataOf } from '../api/api-client.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';

/**
 * Every payee and every submission version of a program, for in-browser evaluation. Versions
 * rather than `current only`: core resolves resubmissions itself (latest submittedOn per record
 * key), exactly as a run does, and the API's current-only listing is far slower to compute.
 */
export function programInputsQueryOptions(api: ApiClient, fiscalYear: string, program: string) {
  const path = { fy: fiscalYear, program };
  return queryOptions({
    queryKey: ['program-inputs', fiscalYear, program],
    queryFn: async ({ signal }) => {
      const [entities, submissions] = await Promise.all([
        fetchAllPages((cursor) =>
          dataOf(
            api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/entities', {
              params: { path, query: { limit: 1000, cursor } },
              signal,
            }),
          ),
        ),
        fetchAllPages((cursor) =>
          dataOf(
            api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/submissions', {
              params: { path, query: { history: '1', limit: 1000, cursor } },
              signal,
            }),
          ),
        ),
      ]);
      return { entities, submissions };
    },
    staleTime: 5 * 60_000,
  });
}
