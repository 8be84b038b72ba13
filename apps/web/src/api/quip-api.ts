import type { ApiClient, RequestOptions } from './api-client.ts';
import type { FiscalYear, ItemList, Me, Program } from './resources.ts';

export interface QuipApi {
  me(options?: { key?: string; signal?: AbortSignal }): Promise<Me>;
  fiscalYears(options?: { signal?: AbortSignal }): Promise<FiscalYear[]>;
  programs(fiscalYear: string, options?: { signal?: AbortSignal }): Promise<Program[]>;
  /** Any other /api/v1 call: `path` starts after `/api/v1`. Typed wrappers live beside their pages. */
  call<T>(path: string, options?: RequestOptions): Promise<T>;
  /** A file answer under /api/v1 (payment CSV / XLSX). */
  download(path: string): Promise<Blob>;
}

/** The typed /api/v1 endpoints the SPA calls. */
export function createQuipApi(client: ApiClient): QuipApi {
  return {
    me: (options = {}) => client.request<Me>('/api/v1/me', options),
    fiscalYears: async (options = {}) =>
      (await client.request<ItemList<FiscalYear>>('/api/v1/fiscal-years', options)).items,
    programs: async (fiscalYear, options = {}) =>
      (
        await client.request<ItemList<Program>>(
          `/api/v1/fiscal-years/${encodeURIComponent(fiscalYear)}/programs`,
          options,
        )
      ).items,
    call: (path, options) => client.request(`/api/v1${path}`, options),
    download: (path) => client.download(`/api/v1${path}`),
  };
}
