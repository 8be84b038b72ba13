import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { programPath } from '../api/program-path.ts';
import type { QuipApi } from '../api/quip-api.ts';
import type { Ledger, LedgerEntry, PagedList, PaymentCycle, PaymentCycleLine } from '../api/resources.ts';

const cycle = (id: number | string) => `/payment-cycles/${encodeURIComponent(String(id))}`;

/** The payment-cycle and ledger calls (CONTRACT.md "Payment cycles and the ledger"). */
export const paymentCycleApi = {
  list: (api: QuipApi, fy: string, program: string, signal?: AbortSignal) =>
    fetchAllPages<PaymentCycle>(api, `${programPath(fy, program)}/payment-cycles`, signal, 200),
  create: (api: QuipApi, fy: string, program: string, body: { runId: number; label?: string }) =>
    api.call<PaymentCycle>(`${programPath(fy, program)}/payment-cycles`, { method: 'POST', body }),
  get: (api: QuipApi, id: number | string, signal?: AbortSignal) =>
    api.call<PaymentCycle>(cycle(id), signal ? { signal } : {}),
  lines: (api: QuipApi, id: number | string, signal?: AbortSignal) =>
    fetchAllPages<PaymentCycleLine>(api, `${cycle(id)}/lines`, signal, 1000),
  approve: (api: QuipApi, id: number | string) =>
    api.call<PaymentCycle>(`${cycle(id)}/approve`, { method: 'POST' }),
  file: (api: QuipApi, id: number | string, format: 'csv' | 'xlsx') =>
    api.download(`${cycle(id)}/lines?format=${format}`),
  /** Every ledger entry of one payee, oldest first. */
  ledger: async (api: QuipApi, fy: string, program: string, entityId: string, signal?: AbortSignal) => {
    const items: LedgerEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: Ledger = await api.call<Ledger>(
        `${programPath(fy, program)}/ledger?entityId=${encodeURIComponent(entityId)}&limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        signal ? { signal } : {},
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  },
  /** What a run entitled one payee to: its payment total in that run. */
  entitled: async (api: QuipApi, runId: number, entityId: string, signal?: AbortSignal) => {
    type Row = { entityId: string; totalCents: number };
    const answer = await api.call<PagedList<Row> | Row[]>(
      `/runs/${runId}/payments?entityId=${encodeURIComponent(entityId)}`,
      signal ? { signal } : {},
    );
    const rows = Array.isArray(answer) ? answer : answer.items;
    return rows.filter((p) => p.entityId === entityId).reduce((sum, p) => sum + p.totalCents, 0);
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
