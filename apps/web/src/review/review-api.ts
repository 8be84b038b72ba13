import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, dataOf } from '../api/api-client.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';

export interface RequestFilters {
  status?: 'open' | 'accepted' | 'rejected';
  program?: string;
  measure?: string;
  entityId?: string;
  runId?: string;
}

/** What a payee files: the disputed measure or payment line, why, and optionally what it says is right. */
export interface NewRequest {
  entityId: string;
  measure?: string;
  lineKey?: string;
  reason: string;
  proposedValue?: unknown;
  corrections?: Record<string, unknown>[];
}

/** Review requests, newest first, every page; a submitter's key sees its own payees' only. */
export function requestsQueryOptions(api: ApiClient, filters: RequestFilters = {}) {
  return queryOptions({
    queryKey: ['requests', filters],
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        dataOf(
          api.GET('/api/v1/requests', {
            params: { query: { ...filters, limit: 200, ...(cursor ? { cursor } : {}) } },
            signal,
          }),
        ),
      ),
  });
}

/** One request with its decision and, once a newer run exists, the before and after. */
export function requestQueryOptions(api: ApiClient, id: number) {
  return queryOptions({
    queryKey: ['requests', 'one', id],
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/v1/requests/{id}', { params: { path: { id: String(id) } }, signal })),
  });
}

export const reviewApi = {
  file: (api: ApiClient, runId: number, request: NewRequest) =>
    dataOf(
      api.POST('/api/v1/runs/{id}/requests', { params: { path: { id: String(runId) } }, body: request }),
    ),
  decide: (
    api: ApiClient,
    id: number,
    decision: { decision: 'accepted' | 'rejected'; note?: string; submittedOn?: string },
  ) =>
    dataOf(
      api.POST('/api/v1/requests/{id}/decision', { params: { path: { id: String(id) } }, body: decision }),
    ),
  publishPreliminary: (api: ApiClient, runId: string, reviewUntil: string) =>
    dataOf(
      api.POST('/api/v1/runs/{id}/preliminary', { params: { path: { id: runId } }, body: { reviewUntil } }),
    ),
};
