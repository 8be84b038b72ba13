import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, dataOf } from '../api/api-client.ts';

export function fiscalYearsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['fiscal-years'],
    queryFn: async ({ signal }) => (await dataOf(api.GET('/api/v1/fiscal-years', { signal }))).items,
  });
}

export function programsQueryOptions(api: ApiClient, fiscalYear: string) {
  return queryOptions({
    queryKey: ['fiscal-years', fiscalYear, 'programs'],
    queryFn: async ({ signal }) =>
      (
        await dataOf(
          api.GET('/api/v1/fiscal-years/{fy}/programs', { params: { path: { fy: fiscalYear } }, signal }),
        )
      ).items,
  });
}
