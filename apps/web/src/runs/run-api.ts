import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { programPath } from '../api/program-path.ts';
import type { QuipApi } from '../api/quip-api.ts';
import type { Run } from '../api/resources.ts';

/** One row of GET /runs/{id}/results: an entity x measure result with its explanation. */
export interface RunResultRow {
  entityId: string;
  measure: string;
  status: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
  points: number | null;
  reason?: string | null;
  trace?: { rule: string; inputs?: Record<string, unknown>; formula?: string; value: unknown }[];
  [extra: string]: unknown;
}

/** One row of GET /runs/{id}/payments. */
export interface RunPaymentRow {
  entityId: string;
  totalCents: number;
  lines: { kind: string; amountCents: number; [k: string]: unknown }[];
  details?: Record<string, unknown>;
  trace?: RunResultRow['trace'];
  [extra: string]: unknown;
}

/**
 * GET /runs/{id}: the run with the inputs it pinned and whether it is the final one. The API
 * always sends them; they are optional here so a page never breaks on an answer without them.
 */
export interface RunDetail extends Run {
  fiscalYear: string;
  program: string;
  /** The evaluation day the run used. */
  asOf?: string;
  rulebookVersion?: number;
  rulebook?: { version: number; contentHash: string };
  snapshot?: { submissionId: number };
  /** The program's final (official) run of the fiscal year. */
  official?: boolean;
  createdAt?: string;
}

/** The inputs a run pins, as a diff names them. */
export type RunInput = 'asOf' | 'rulebookVersion' | 'rulebookContent' | 'snapshot';

/** GET /runs/{id}/diff?against=: payee by payee, what changed, a page of payees at a time. */
export interface RunDiff {
  run: number;
  against: number;
  inputs: Record<RunInput, { from: string | number; to: string | number }>;
  /** Every input that differs between the two runs. */
  changedInputs: RunInput[];
  asOfChanged: boolean;
  rulebookChanged: boolean;
  snapshotChanged: boolean;
  payees: {
    entityId: string;
    totalCents: { from: number | null; to: number | null };
    measures: {
      measure: string;
      changed: string[];
      from: Record<string, unknown> | null;
      to: Record<string, unknown> | null;
    }[];
  }[];
  nextCursor: string | null;
  truncated: boolean;
}

/** Lists may come bare or paged; both end up as an array. */
async function listOf<T>(api: QuipApi, path: string, signal?: AbortSignal, pageSize = 1000): Promise<T[]> {
  return fetchAllPages<T>(
    {
      call: async <U>(p: string, o?: { signal?: AbortSignal }) => {
        const answer = await api.call<unknown>(p, o ?? {});
        if (Array.isArray(answer)) return { items: answer, nextCursor: null } as U;
        const a = answer as { items?: unknown[]; nextCursor?: string | null };
        return { items: a.items ?? [], nextCursor: a.nextCursor ?? null } as U;
      },
    },
    path,
    signal,
    pageSize,
  );
}

export const runApi = {
  list: (api: QuipApi, fy: string, program: string, signal?: AbortSignal) =>
    listOf<RunDetail>(api, `${programPath(fy, program)}/runs`, signal, 200),
  start: (api: QuipApi, fy: string, program: string, asOf?: string) =>
    api.call<{ id: string | number }>(`${programPath(fy, program)}/runs`, {
      method: 'POST',
      body: asOf ? { asOf } : {},
    }),
  get: (api: QuipApi, id: string, signal?: AbortSignal) =>
    api.call<RunDetail>(`/runs/${encodeURIComponent(id)}`, signal ? { signal } : {}),
  markOfficial: (api: QuipApi, id: string) =>
    api.call<RunDetail>(`/runs/${encodeURIComponent(id)}/official`, { method: 'POST' }),
  payeeResults: (api: QuipApi, id: string, entityId: string, signal?: AbortSignal) =>
    listOf<RunResultRow>(
      api,
      `/runs/${encodeURIComponent(id)}/results?entityId=${encodeURIComponent(entityId)}&explain=1`,
      signal,
    ),
  payeePayments: (api: QuipApi, id: string, entityId: string, signal?: AbortSignal) =>
    listOf<RunPaymentRow>(
      api,
      `/runs/${encodeURIComponent(id)}/payments?entityId=${encodeURIComponent(entityId)}`,
      signal,
    ),
  diff: (api: QuipApi, id: string, against: string, cursor?: string | null, signal?: AbortSignal) =>
    api.call<RunDiff>(
      `/runs/${encodeURIComponent(id)}/diff?against=${encodeURIComponent(against)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      signal ? { signal } : {},
    ),
  paymentFile: (api: QuipApi, id: string, format: 'csv' | 'xlsx') =>
    api.download(`/runs/${encodeURIComponent(id)}/payments?format=${format}`),
};

/** Saves a blob under a file name through a temporary link (no popup, no new tab). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
