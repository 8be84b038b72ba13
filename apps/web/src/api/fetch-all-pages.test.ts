import { describe, expect, it } from 'vitest';
import { fetchAllPages } from './fetch-all-pages.ts';

describe('fetchAllPages', () => {
  it('follows the cursor until it runs out, keeping the query', async () => {
    const paths: string[] = [];
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      '': { items: [1, 2], nextCursor: 'c/2' },
      'c%2F2': { items: [3], nextCursor: null },
    };
    const api = {
      call: async <T>(path: string) => {
        paths.push(path);
        const cursor = /cursor=([^&]*)/.exec(path)?.[1] ?? '';
        return pages[cursor] as T;
      },
    };
    expect(await fetchAllPages<number>(api, '/x?measure=m')).toEqual([1, 2, 3]);
    expect(paths).toEqual(['/x?measure=m&limit=1000', '/x?measure=m&limit=1000&cursor=c%2F2']);
  });
});
