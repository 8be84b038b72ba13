import { hydrate } from '../evaluate/evaluate-phased.ts';
import { payEntities } from '../evaluate/pay-entities.ts';
import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { meetMeasure } from './meet-measure.ts';
import { paysEveryPayeeAlone } from './stored-population.ts';

/** Every payee's scored results, entity-major (payee e's measure m at e * M + m), as a run or evaluateProgram has them. */
export interface ScorecardPopulation {
  entities: readonly Entity[];
  results: readonly MeasureResult[];
}

/**
 * A payee's payment had some of its measures been met, paid by the engine (core's payEntities:
 * the rulebook's payment and every additional part). When every method pays each payee alone the
 * payee is paid alone; otherwise (pools, shares, rankings) the whole population is paid again
 * with the payee's results changed, and without the population there is no answer (null).
 */
export class Counterfactual {
  private readonly alone: boolean;
  private readonly at: number;
  private baselineTotal: number | null | undefined;

  constructor(
    private readonly compiled: CompiledRulebook,
    private readonly entity: Entity,
    /** The payee's results in rulebook measure order. */
    private readonly own: readonly MeasureResult[],
    private readonly asOf: string,
    private readonly population: ScorecardPopulation | undefined,
  ) {
    this.alone = paysEveryPayeeAlone(compiled);
    const M = compiled.measures.length;
    const at = population ? population.entities.findIndex((e) => e.id === entity.id) : -1;
    this.at = population && population.results.length === population.entities.length * M ? at : -1;
  }

  /** Whether a counterfactual payment can be computed at all. */
  get available(): boolean {
    return this.alone || this.at >= 0;
  }

  /** The payee's total as computed now, with nothing changed (what the counterfactuals compare with). */
  baseline(): number | null {
    if (this.baselineTotal === undefined) this.baselineTotal = this.totalWith([]);
    return this.baselineTotal;
  }

  /** The payee's total had the measures at these indices been met; null when it cannot be known. */
  totalWith(met: readonly number[]): number | null {
    if (!this.available) return null;
    const measures = this.compiled.measures;
    const changed = this.own.map((r, m) => {
      if (!met.includes(m)) return r;
      const copy = hydrate(r, measures[m] as (typeof measures)[number]);
      meetMeasure(this.compiled, m, copy, this.entity, this.asOf);
      return copy;
    });
    let entities: readonly Entity[];
    let results: readonly MeasureResult[];
    if (this.alone || !this.population) {
      entities = [this.entity];
      results = changed;
    } else {
      const M = measures.length;
      const all = this.population.results.slice();
      for (let m = 0; m < M; m++) all[this.at * M + m] = changed[m] as MeasureResult;
      entities = this.population.entities;
      results = all;
    }
    const payments = payEntities(this.compiled, entities, results, this.asOf, false, []);
    const mine = payments.find((p) => p.entityId === this.entity.id);
    return mine ? mine.totalCents : 0;
  }
}
