import type { QuipApi } from './quip-api.ts';
import type { PagedList } from './resources.ts';

/** Follows `nextCursor` to the end of a paged list (entities, submissions), `pageSize` at a time. */
export async function fetchAllPages<T>(
  api: Pick<QuipApi, 'call'>,
  path: string,
  signal?: AbortSignal,
  pageSize = 1000,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: PagedList<T> = await api.call<PagedList<T>>(
      `${path}${sep}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      signal ? { signal } : {},
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
