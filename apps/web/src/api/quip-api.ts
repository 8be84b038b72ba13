import type { ApiClient } from './api-client.ts';
import type { FiscalYear, ItemList, Me, Program } from './resources.ts';

export interface QuipApi {
  me(options?: { key?: string; signal?: AbortSignal }): Promise<Me>;
  fiscalYears(options?: { signal?: AbortSignal }): Promise<FiscalYear[]>;
  programs(fiscalYear: string, options?: { signal?: AbortSignal }): Promise<Program[]>;
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
  };
}
