import { useEffect, useState } from 'react';

export interface PagesState<T> {
  rows: T[];
  done: boolean;
  error: unknown;
}

/**
 * Loads a paged list page after page and shows what has arrived so far: a run's results for 100k
 * payees are hundreds of pages, and the first thousand rows are worth seeing while the rest come.
 */
export function useAllPages<T>(
  enabled: boolean,
  fetchPage: (
    cursor: string | null,
    signal: AbortSignal,
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  key: string,
): PagesState<T> {
  const [state, setState] = useState<PagesState<T>>({ rows: [], done: false, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the list; fetchPage is rebuilt each render
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setState({ rows: [], done: false, error: null });
    void (async () => {
      let cursor: string | null = null;
      let rows: T[] = [];
      try {
        do {
          const page = await fetchPage(cursor, abort.signal);
          rows = rows.concat(page.items);
          cursor = page.nextCursor;
          setState({ rows, done: cursor === null, error: null });
        } while (cursor);
      } catch (error) {
        if (!abort.signal.aborted) setState({ rows, done: true, error });
      }
    })();
    return () => abort.abort();
  }, [enabled, key]);
  return state;
}
