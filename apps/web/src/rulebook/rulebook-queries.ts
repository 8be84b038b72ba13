import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, dataOf } from '../api/api-client.ts';
import type { components } from '../api/openapi-types.gen.ts';

export function rulebookQueryOptions(api: ApiClient, fiscalYear: string, program: string) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook', {
          params: { path: { fy: fiscalYear, program } },
          signal,
        }),
      ),
  });
}

export function versionsQueryOptions(api: ApiClient, fiscalYear: string, program: string) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'versions'],
    queryFn: async ({ signal }) =>
      (
        await dataOf(
          api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook/versions', {
            params: { path: { fy: fiscalYear, program } },
            signal,
          }),
        )
      ).items,
  });
}

/** One published version: it never changes once published, so it is never refetched. */
export function versionQueryOptions(api: ApiClient, fiscalYear: string, program: string, version: number) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'versions', version],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook/versions/{version}', {
          params: { path: { fy: fiscalYear, program, version } },
          signal,
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function diffQueryOptions(
  api: ApiClient,
  fiscalYear: string,
  program: string,
  from: string,
  to: string,
) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'diff', from, to],
    queryFn: ({ signal }) =>
      dataOf(
        api.GET('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook/diff', {
          params: { path: { fy: fiscalYear, program }, query: { from, to } },
          signal,
        }),
      ),
  });
}

export function saveDraft(
  api: ApiClient,
  fiscalYear: string,
  program: string,
  rulebook: components['schemas']['Rulebook'],
) {
  return dataOf(
    api.PUT('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook', {
      params: { path: { fy: fiscalYear, program } },
      body: rulebook,
    }),
  );
}

/** Publishes the draft with its change note (required: kept in the history and the audit log). */
export function publishDraft(api: ApiClient, fiscalYear: string, program: string, note: string) {
  return dataOf(
    api.POST('/api/v1/fiscal-years/{fy}/programs/{program}/rulebook/publish', {
      params: { path: { fy: fiscalYear, program } },
      body: { note },
    }),
  );
}
