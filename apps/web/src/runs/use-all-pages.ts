import { useEffect, useState } from 'react';

export interface PagesState<T> {
  /** The rows handed to the table so far (a new array each time, refreshed at most every `refreshMs`). */
  rows: T[];
  /** Rows fetched so far (every page), for the progress message. */
  loaded: number;
  done: boolean;
  error: unknown;
}

const EMPTY: PagesState<never> = { rows: [], loaded: 0, done: false, error: null };

/**
 * Loads a paged list page after page and shows what has arrived so far: a run's results for 100k
 * payees are a hundred pages or more, and the first thousand rows are worth seeing while the rest
 * come. The table gets a new snapshot of the rows on the first page, then at most every
 * `refreshMs`, then at the end: each snapshot rebuilds the table's 100k-row model (and its sort),
 * so handing over every page would keep the tab busy for the whole download.
 */
export function useAllPages<T>(
  enabled: boolean,
  fetchPage: (
    cursor: string | null,
    signal: AbortSignal,
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  key: string,
  refreshMs = 1500,
): PagesState<T> {
  // The state remembers which list it holds: after `key` changes (another run, another measure)
  // the old rows are not shown for even one render, and a late page of the old list is dropped.
  const [state, setState] = useState<PagesState<T> & { key: string }>({ ...EMPTY, key });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the list; fetchPage is rebuilt each render
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setState({ ...EMPTY, key });
    void (async () => {
      let cursor: string | null = null;
      const all: T[] = [];
      let shown: T[] = [];
      let lastShown = 0;
      try {
        do {
          const page = await fetchPage(cursor, abort.signal);
          if (abort.signal.aborted) return;
          for (const item of page.items) all.push(item);
          cursor = page.nextCursor;
          const now = performance.now();
          if (cursor === null || shown.length === 0 || now - lastShown >= refreshMs) {
            shown = all.slice();
            lastShown = now;
          }
          setState({ rows: shown, loaded: all.length, done: cursor === null, error: null, key });
        } while (cursor);
      } catch (error) {
        if (!abort.signal.aborted)
          setState({ rows: all.slice(), loaded: all.length, done: true, error, key });
      }
    })();
    return () => abort.abort();
  }, [enabled, key]);
  return state.key === key ? state : EMPTY;
}
