import type { CompiledRulebook, MeasureResult } from '@quip/core';
import { type Database, loadRunPayees, loadRunValueDocs, placeRunValues, type RunPayee } from '@quip/db';
import type { Kysely } from 'kysely';

/**
 * The run's payees and every phase-1 value of the run, entity-major over them (payee e's measure
 * m at e * M + m), ready for scoring. The payees and the value documents (a few hundred kB for a
 * whole run) are read at the same time. A slot no chunk filled stays empty: `firstMissing` names
 * it.
 */
export async function loadRunValues(
  db: Kysely<Database>,
  runId: number,
  compiled: CompiledRulebook,
): Promise<{
  entities: RunPayee[];
  results: MeasureResult[];
  firstMissing: { entityId: string; measure: string } | null;
}> {
  const [entities, docs] = await Promise.all([loadRunPayees(db, runId), loadRunValueDocs(db, runId)]);
  const M = compiled.measures.length;
  const entityIndex = new Map<string, number>();
  for (let e = 0; e < entities.length; e++) entityIndex.set((entities[e] as RunPayee).id, e);
  const results = new Array<MeasureResult>(entities.length * M);
  for (const doc of docs) placeRunValues(doc, compiled, entityIndex, results);
  for (let k = 0; k < results.length; k++) {
    if (results[k] === undefined) {
      const entity = entities[Math.floor(k / M)] as RunPayee;
      const measure = compiled.measures[k % M] as (typeof compiled.measures)[number];
      return { entities, results, firstMissing: { entityId: entity.id, measure: measure.key } };
    }
  }
  return { entities, results, firstMissing: null };
}
