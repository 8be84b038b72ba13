import { queryOptions } from '@tanstack/react-query';
import type { QuipApi } from '../api/quip-api.ts';

export function fiscalYearsQueryOptions(api: QuipApi) {
  return queryOptions({
    queryKey: ['fiscal-years'],
    queryFn: ({ signal }) => api.fiscalYears({ signal }),
  });
}

export function programsQueryOptions(api: QuipApi, fiscalYear: string) {
  return queryOptions({
    queryKey: ['fiscal-years', fiscalYear, 'programs'],
    queryFn: ({ signal }) => api.programs(fiscalYear, { signal }),
  });
}
