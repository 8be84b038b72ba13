import { type CompiledRulebook, compileRulebook, DEFAULT_TIME_ZONE, dayIn } from '@quip/core';
import type { Database, RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';

// Published revisions never change (a trigger refuses edits): a compiled one is good for ever.
const compiledByRevision = new Map<number, CompiledRulebook>();

/** The compiled rulebook a run pinned (its published revision), compiled once per process. */
export async function runRulebook(db: Kysely<Database>, run: RunRecord): Promise<CompiledRulebook> {
  const hit = compiledByRevision.get(run.rulebookRevisionId);
  if (hit) return hit;
  const row = await db
    .selectFrom('rulebook_revisions')
    .select('content')
    .where('id', '=', run.rulebookRevisionId)
    .executeTakeFirstOrThrow();
  const compiled = compileRulebook(row.content);
  if (compiledByRevision.size >= 32) compiledByRevision.clear();
  compiledByRevision.set(run.rulebookRevisionId, compiled);
  return compiled;
}

/** Today in the rulebook's time zone: the day a review window is judged by. */
export function todayIn(compiled: CompiledRulebook, now: Date): string {
  return dayIn(now, compiled.rulebook.timeZone ?? DEFAULT_TIME_ZONE);
}
