import { type ApiClient, dataOf } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { programList } from '../api/program-list.ts';

const cycle = (id: number) => ({ params: { path: { id: String(id) } } });

/** The payment-cycle and ledger calls (the API's "payment-cycles" routes in /openapi.json). */
export const paymentCycleApi = {
  list: (api: ApiClient, fy: string, program: string, signal?: AbortSignal) =>
    programList(api, '/api/v1/fiscal-years/{fy}/programs/{program}/payment-cycles', fy, program, signal),
  create: (api: ApiClient, fy: string, program: string, body: { runId: number; label?: string }) =>
    dataOf(
      api.POST('/api/v1/fiscal-years/{fy}/programs/{program}/payment-cycles', {
        params: { path: { fy, program } },
        body,
      }),
    ),
  get: (api: ApiClient, id: number, signal?: AbortSignal) =>
    dataOf(api.GET('/api/v1/payment-cycles/{id}', { ...cycle(id), signal })),
  lines: (api: ApiClient, id: number, signal?: AbortSignal) =>
    fetchAllPages((cursor) =>
      dataOf(
        api.GET('/api/v1/payment-cycles/{id}/lines', {
          params: { path: { id: String(id) }, query: { limit: 1000, cursor } },
          signal,
        }),
      ),
    ),
  approve: (api: ApiClient, id: number) => dataOf(api.POST('/api/v1/payment-cycles/{id}/approve', cycle(id))),
  file: (api: ApiClient, id: number, format: 'csv' | 'xlsx') =>
    dataOf(
      api.GET('/api/v1/payment-cycles/{id}/lines', {
        params: { path: { id: String(id) }, query: { format } },
        parseAs: 'blob',
      }),
    ),
  /** Every ledger entry of one payee, oldest first. */
  ledger: (api: ApiClient, fy: string, program: string, entityId: string, signal?: AbortSignal) =>
    fetchAllPages((cursor) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/ledger', {
          params: { path: { fy, program }, query: { entityId, limit: 5000, cursor } },
          signal,
        }),
      ),
    ),
  /** What a run entitled one payee to: its payment total in that run. */
  entitled: async (api: ApiClient, runId: number, entityId: string, signal?: AbortSignal) => {
    const page = await dataOf(
      api.GET('/api/v1/runs/{id}/payments', {
        params: { path: { id: String(runId) }, query: { entityId } },
        signal,
      }),
    );
    return page.items.filter((p) => p.entityId === entityId).reduce((sum, p) => sum + p.totalCents, 0);
  },
};

/**
 * The API's own words for a refusal (it says what to do: "ask an admin with another key",
 * "create it again"), rather than the generic sentence for its status.
 */
export function refusalText(error: unknown): string {
  if (error instanceof ApiError && error.problem.detail) return error.problem.detail;
  return describeError(error);
}
