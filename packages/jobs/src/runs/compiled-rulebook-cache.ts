import { type CompiledRulebook, compileRulebook } from '@quip/core';
import type { Database } from '@quip/db';
import type { Kysely } from 'kysely';

// Published revisions are frozen (a trigger refuses edits), so a compiled one is good for ever.
const cache = new Map<number, CompiledRulebook>();

/** The compiled rulebook of a published revision, compiled once per process. */
export async function compiledRulebookOf(
  db: Kysely<Database>,
  revisionId: number,
): Promise<CompiledRulebook> {
  const hit = cache.get(revisionId);
  if (hit) return hit;
  const row = await db
    .selectFrom('rulebook_revisions')
    .select('content')
    .where('id', '=', revisionId)
    .executeTakeFirstOrThrow();
  const compiled = compileRulebook(row.content);
  if (cache.size > 50) cache.clear();
  cache.set(revisionId, compiled);
  return compiled;
}
