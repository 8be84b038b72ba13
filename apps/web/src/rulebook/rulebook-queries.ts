import { queryOptions } from '@tanstack/react-query';
import { programPath } from '../api/program-path.ts';
import type { QuipApi } from '../api/quip-api.ts';
import type { PublishedRulebook, RulebookDiff, RulebookRevision, RulebookState } from '../api/resources.ts';

export function rulebookQueryOptions(api: QuipApi, fiscalYear: string, program: string) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program],
    queryFn: ({ signal }) =>
      api.call<RulebookState>(`${programPath(fiscalYear, program)}/rulebook`, { signal }),
  });
}

export function versionsQueryOptions(api: QuipApi, fiscalYear: string, program: string) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'versions'],
    queryFn: async ({ signal }) =>
      (
        await api.call<{ items: RulebookRevision[] }>(
          `${programPath(fiscalYear, program)}/rulebook/versions`,
          {
            signal,
          },
        )
      ).items,
  });
}

/** One published version: it never changes once published, so it is never refetched. */
export function versionQueryOptions(api: QuipApi, fiscalYear: string, program: string, version: number) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'versions', version],
    queryFn: ({ signal }) =>
      api.call<PublishedRulebook>(`${programPath(fiscalYear, program)}/rulebook/versions/${version}`, {
        signal,
      }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function diffQueryOptions(
  api: QuipApi,
  fiscalYear: string,
  program: string,
  from: string,
  to: string,
) {
  return queryOptions({
    queryKey: ['rulebook', fiscalYear, program, 'diff', from, to],
    queryFn: ({ signal }) =>
      api.call<RulebookDiff>(
        `${programPath(fiscalYear, program)}/rulebook/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        { signal },
      ),
  });
}

export function saveDraft(api: QuipApi, fiscalYear: string, program: string, rulebook: unknown) {
  return api.call<unknown>(`${programPath(fiscalYear, program)}/rulebook`, { method: 'PUT', body: rulebook });
}

export function publishDraft(api: QuipApi, fiscalYear: string, program: string) {
  return api.call<unknown>(`${programPath(fiscalYear, program)}/rulebook/publish`, { method: 'POST' });
}
