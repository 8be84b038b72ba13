import { evaluateMeasureValues, type MeasureResult, type Payment, scoreOrderedValues } from '@quip/core';
import { type Database, loadSnapshotSubmissions, type RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';
import { compiledRulebookOf } from './compiled-rulebook-cache.ts';
import { loadRunValues } from './load-run-values.ts';

export interface PayeeExplanation {
  results: MeasureResult[];
  payment: Payment | null;
}

/**
 * One payee's results and payment with their explanation traces, recomputed from what the run
 * pinned: the payee's own snapshot submissions (phase 1 with explanations) and everyone's stored
 * values (phase 2 needs the population for percentile targets and pooled payments). Runs store no
 * traces: they would be most of a run's bytes, and they can always be made again exactly.
 */
export async function explainRunPayee(
  db: Kysely<Database>,
  run: RunRecord,
  entityId: string,
): Promise<PayeeExplanation | null> {
  const compiled = await compiledRulebookOf(db, run.rulebookRevisionId);
  const { entities, results } = await loadRunValues(db, run.id, compiled);
  const e = entities.findIndex((p) => p.id === entityId);
  const payee = entities[e];
  if (!payee) return null;
  const submissions = await loadSnapshotSubmissions(db, run, [entityId]);
  const own = evaluateMeasureValues(compiled, {
    entities: [payee],
    submissions,
    asOf: run.asOf,
    explain: true,
  }).values;
  const M = compiled.measures.length;
  for (let m = 0; m < M; m++) results[e * M + m] = own[m] as MeasureResult;
  if (results.some((r) => r === undefined))
    throw new Error(`run ${run.id} has no stored value for every payee`);
  const scored = scoreOrderedValues(compiled, entities, results, run.asOf, true);
  return {
    results: scored.results.filter((r) => r.entityId === entityId),
    payment: scored.payments.find((p) => p.entityId === entityId) ?? null,
  };
}
