import { type ApiClient, dataOf } from '../api/api-client.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { programList } from '../api/program-list.ts';
import type { RunDiff } from '../api/resources.ts';

/** The inputs a run pins, as a diff names them. */
export type RunInput = RunDiff['changedInputs'][number];

const run = (id: string) => ({ params: { path: { id } } });

/** The run calls; `id` is the run's id as it stands in the page's URL. */
export const runApi = {
  list: (api: ApiClient, fy: string, program: string, signal?: AbortSignal) =>
    programList(api, '/api/v1/fiscal-years/{fy}/programs/{program}/runs', fy, program, signal),
  start: (api: ApiClient, fy: string, program: string, asOf?: string) =>
    dataOf(
      api.POST('/api/v1/fiscal-years/{fy}/programs/{program}/runs', {
        params: { path: { fy, program } },
        body: asOf ? { asOf } : {},
      }),
    ),
  get: (api: ApiClient, id: string, signal?: AbortSignal) =>
    dataOf(api.GET('/api/v1/runs/{id}', { ...run(id), signal })),
  markOfficial: (api: ApiClient, id: string) => dataOf(api.POST('/api/v1/runs/{id}/official', run(id))),
  /** One page of the run's results (one measure's, or all), from `cursor` on. */
  results: (api: ApiClient, id: string, measure: string | null, cursor: string | null, signal: AbortSignal) =>
    dataOf(
      api.GET('/api/v1/runs/{id}/results', {
        params: {
          path: { id },
          query: { limit: 1000, ...(measure === null ? {} : { measure }), ...(cursor ? { cursor } : {}) },
        },
        signal,
      }),
    ),
  /** One page of the run's payments, from `cursor` on. */
  payments: (api: ApiClient, id: string, cursor: string | null, signal: AbortSignal) =>
    dataOf(
      api.GET('/api/v1/runs/{id}/payments', {
        params: { path: { id }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    ),
  payeeResults: (api: ApiClient, id: string, entityId: string, signal?: AbortSignal) =>
    fetchAllPages((cursor) =>
      dataOf(
        api.GET('/api/v1/runs/{id}/results', {
          params: { path: { id }, query: { entityId, explain: '1', limit: 1000, cursor } },
          signal,
        }),
      ),
    ),
  payeePayments: (api: ApiClient, id: string, entityId: string, signal?: AbortSignal) =>
    fetchAllPages((cursor) =>
      dataOf(
        api.GET('/api/v1/runs/{id}/payments', {
          params: { path: { id }, query: { entityId, limit: 1000, cursor } },
          signal,
        }),
      ),
    ),
  diff: (
    api: ApiClient,
    id: string,
    against: string,
    cursor?: string | null,
    signal?: AbortSignal,
    limit?: number,
  ) =>
    dataOf(
      api.GET('/api/v1/runs/{id}/diff', {
        params: {
          path: { id },
          query: { against, ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) },
        },
        signal,
      }),
    ),
  paymentFile: (api: ApiClient, id: string, format: 'csv' | 'xlsx') =>
    dataOf(
      api.GET('/api/v1/runs/{id}/payments', { params: { path: { id }, query: { format } }, parseAs: 'blob' }),
    ),
};
