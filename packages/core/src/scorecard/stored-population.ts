import { hydrate, type MeasureValueLike } from '../evaluate/evaluate-phased.ts';
import { paysEachPayeeAlone } from '../evaluate/payment-cache.ts';
import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import type { ScorecardPopulation } from './counterfactual.ts';

/**
 * Whether the rulebook's payment and every additional part pay each payee from its own results
 * alone; when not (pools, shares, rankings, a withhold pool), "what would have earned the rest"
 * pays the whole population again and a scorecard needs it.
 */
export function paysEveryPayeeAlone(compiled: CompiledRulebook): boolean {
  return (
    paysEachPayeeAlone(compiled.rulebook.payment) &&
    compiled.paymentParts.every((part) => paysEachPayeeAlone(part.params))
  );
}

/**
 * A stored run's payees and results (its results in any order, as stored JSON or MeasureResults)
 * as the population a scorecard pays again: payees in the order given, results entity-major in the
 * rulebook's measure order. Null when a payee lacks a result for some measure (a run that did not
 * store them all): then no counterfactual is computed rather than one from a partial population.
 */
export function storedPopulation(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  stored: readonly MeasureValueLike[],
): ScorecardPopulation | null {
  const M = compiled.measures.length;
  const at = new Map(entities.map((e, i) => [e.id, i]));
  const results = new Array<MeasureResult>(entities.length * M);
  for (const v of stored) {
    const e = at.get(v.entityId);
    const m = compiled.measureIndex.get(v.measure);
    if (e === undefined || m === undefined) continue;
    results[e * M + m] = hydrate(v, compiled.measures[m] as (typeof compiled.measures)[number]);
  }
  for (let k = 0; k < results.length; k++) if (results[k] === undefined) return null;
  return { entities, results };
}
