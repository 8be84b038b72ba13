import { z } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor } from '../ingest/page-cursor.ts';
import { problems } from './problem.ts';

/** The query of a list read a page at a time: up to `max` items a page, `byDefault` when not asked. */
export function pageQuery(max: number, byDefault: number, cursorExample = 'IlBWLTAwMDE3Ig') {
  return {
    limit: z.coerce.number().int().min(1).max(max).default(byDefault).openapi({ example: byDefault }),
    cursor: z
      .string()
      .optional()
      .openapi({ description: 'The nextCursor of the previous page', example: cursorExample }),
  };
}

/**
 * A page of rows read one beyond the limit: the first `limit` rows, and the cursor after the last
 * of them (its key) when more follow.
 */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (last: T) => string | number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items, nextCursor };
}

/** The key of a row keyed by two strings (a payee and a measure or line key), as a cursor holds it. */
export const pairKey = (first: string, second: string) => `${first}\u0000${second}`;

/** The two keys a pairKey cursor holds; undefined without a cursor, 400 for one this API did not give. */
export function decodePairCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  const [first, second] = decodeCursor(cursor).split('\u0000');
  if (first === undefined || second === undefined)
    throw problems.badRequest('The cursor is not one this API gave out.');
  return [first, second];
}

/** The fields given a value: a repository's filters from the optional parameters of a query. */
export function definedFields<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as never;
}

/** A page of items as a list answers it, registered under `name`. */
export function pageSchema<S extends z.ZodType>(name: string, item: S) {
  return z
    .object({ items: z.array(item), nextCursor: z.string().nullable() })
    .openapi(name, { example: { items: [], nextCursor: null } });
}
