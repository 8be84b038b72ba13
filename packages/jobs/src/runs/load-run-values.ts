import type { CompiledRulebook, MeasureResult } from '@quip/core';
import { type Database, loadRunValueDocs, type RunPayee } from '@quip/db';
import type { Kysely } from 'kysely';
import { placeRunValues } from './run-values-codec.ts';

/** Chunk documents read per query: the next batch is read while this one is decoded. */
const BATCH = 10;

/**
 * Every phase-1 value of a run, entity-major over `entities` (payee e's measure m at e * M + m),
 * ready for scoring. A slot no chunk filled stays empty: `firstMissing` names it.
 */
export async function loadRunValues(
  db: Kysely<Database>,
  runId: number,
  chunks: number,
  compiled: CompiledRulebook,
  entities: readonly RunPayee[],
): Promise<{ results: MeasureResult[]; firstMissing: { entityId: string; measure: string } | null }> {
  const M = compiled.measures.length;
  const entityIndex = new Map<string, number>();
  for (let e = 0; e < entities.length; e++) entityIndex.set((entities[e] as RunPayee).id, e);
  const results = new Array<MeasureResult>(entities.length * M);
  let next = loadRunValueDocs(db, runId, 0, BATCH - 1);
  for (let from = 0; from < chunks; from += BATCH) {
    const docs = await next;
    if (from + BATCH < chunks) next = loadRunValueDocs(db, runId, from + BATCH, from + 2 * BATCH - 1);
    for (const doc of docs) placeRunValues(doc, compiled, entityIndex, results);
  }
  for (let k = 0; k < results.length; k++) {
    if (results[k] === undefined) {
      const entity = entities[Math.floor(k / M)] as RunPayee;
      const measure = compiled.measures[k % M] as (typeof compiled.measures)[number];
      return { results, firstMissing: { entityId: entity.id, measure: measure.key } };
    }
  }
  return { results, firstMissing: null };
}
