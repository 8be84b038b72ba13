/** One page of a paged list (entities, submissions, runs, cycle lines...): the API's `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Follows `nextCursor` to the end of a paged list; `page` asks for the page after `cursor` (undefined: the first). */
export async function fetchAllPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const answer: Page<T> = await page(cursor ?? undefined);
    all.push(...answer.items);
    cursor = answer.nextCursor;
  } while (cursor);
  return all;
}
