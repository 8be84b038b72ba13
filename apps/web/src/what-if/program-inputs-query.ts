import { queryOptions } from '@tanstack/react-query';
import { fetchAllPages } from '../api/fetch-all-pages.ts';
import { programPath } from '../api/program-path.ts';
import type { QuipApi } from '../api/quip-api.ts';
import type { EntityRecord, StoredSubmission } from '../api/resources.ts';

/**
 * Every payee and every submission version of a program, for in-browser evaluation. Versions
 * rather than `current only`: core resolves resubmissions itself (latest submittedOn per record
 * key), exactly as a run does, and the API's current-only listing is far slower to compute.
 */
export function programInputsQueryOptions(api: QuipApi, fiscalYear: string, program: string) {
  const path = programPath(fiscalYear, program);
  return queryOptions({
    queryKey: ['program-inputs', fiscalYear, program],
    queryFn: async ({ signal }) => {
      const [entities, submissions] = await Promise.all([
        fetchAllPages<EntityRecord>(api, `${path}/entities`, signal),
        fetchAllPages<StoredSubmission>(api, `${path}/submissions?history=1`, signal),
      ]);
      return { entities, submissions };
    },
    staleTime: 5 * 60_000,
  });
}
