import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, dataOf } from '../api/api-client.ts';

/** A payee's scorecard of a run, as the API words it (GET /runs/{id}/scorecards/{entityId}). */
export function scorecardQueryOptions(api: ApiClient, runId: string, entityId: string) {
  return queryOptions({
    queryKey: ['run', runId, 'scorecard', entityId],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/runs/{id}/scorecards/{entityId}', {
          params: { path: { id: runId, entityId } },
          signal,
        }),
      ),
    // A run's stored results never change; its stage may (preliminary -> final): events refresh it.
    staleTime: 60_000,
  });
}

/** A payee's standing now, computed from the stored data with the published rulebook. */
export function standingQueryOptions(api: ApiClient, fy: string, program: string, entityId: string) {
  return queryOptions({
    queryKey: ['standing', fy, program, entityId],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/entities/{entityId}/standing', {
          params: { path: { fy, program, entityId }, query: {} },
          signal,
        }),
      ),
  });
}
