import { describe, expect, it } from 'vitest';
import { fetchAllPages, type Page } from './fetch-all-pages.ts';

describe('fetchAllPages', () => {
  it('asks for the first page without a cursor, then follows nextCursor until it runs out', async () => {
    const pages: Record<string, Page<number>> = {
      first: { items: [1, 2], nextCursor: 'c/2' },
      'c/2': { items: [3], nextCursor: 'c/3' },
      'c/3': { items: [], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const all = await fetchAllPages(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first']!;
    });
    expect(all).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'c/2', 'c/3']);
  });
});
