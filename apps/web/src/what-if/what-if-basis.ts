import type { Entity, MeasureResult, Rulebook } from '@quip/core';

/**
 * The per-payee measure values a what-if starts from: what the expensive part of an evaluation
 * (reading every submission) produced, kept column-wise so that re-scoring 100k payees with a new
 * target, weight or payment parameter touches only numbers. Targets, met, points, the composite
 * and the payments are recomputed; the values themselves are not.
 */
export interface WhatIfBasis {
  entities: readonly Entity[];
  /** Measure keys in the basis rulebook's order. */
  measures: readonly string[];
  /** Per measure: the `compute` spec the values came from, as JSON, to spot an edited computation. */
  computeJson: readonly string[];
  /** Per measure, per payee: 0 not applicable, 1 scored, 2 not scored. */
  status: Uint8Array[];
  /** Per measure, per payee: the value (NaN when none). */
  value: Float64Array[];
  baseline: Float64Array[];
  /** Per measure, per payee: met before any target (reporting / milestone): -1 none, 0 no, 1 yes. */
  computedMet: Int8Array[];
  /** Per measure, per payee: 1 when a missed record lacks its required reason (never met then). */
  missingReason: Uint8Array[];
  /** Per payee: the completed milestones of its milestone measures. */
  milestones: ({ milestone: number; completedOn: string }[] | undefined)[];
  asOf: string;
}

export const NOT_APPLICABLE = 0;
export const SCORED = 1;
export const NOT_SCORED = 2;

/**
 * Reads the basis from an evaluation (entity-major results, as evaluateProgram returns them). A
 * result that a target made "not scored" still has its value only if it had one, so it counts as
 * scored again here: the edited target may well resolve.
 */
export function basisFromResults(
  rulebook: Rulebook,
  entities: readonly Entity[],
  results: readonly MeasureResult[],
  asOf: string,
): WhatIfBasis {
  const M = rulebook.measures.length;
  const E = entities.length;
  const status = rulebook.measures.map(() => new Uint8Array(E));
  const value = rulebook.measures.map(() => new Float64Array(E).fill(Number.NaN));
  const baseline = rulebook.measures.map(() => new Float64Array(E).fill(Number.NaN));
  const computedMet = rulebook.measures.map(() => new Int8Array(E).fill(-1));
  const missingReason = rulebook.measures.map(() => new Uint8Array(E));
  const milestones: WhatIfBasis['milestones'] = new Array(E);
  for (let e = 0; e < E; e++) {
    for (let m = 0; m < M; m++) {
      const r = results[e * M + m];
      if (!r) continue;
      const spec = rulebook.measures[m];
      (status[m] as Uint8Array)[e] =
        r.status === 'not-applicable' ? NOT_APPLICABLE : r.status === 'scored' ? SCORED : NOT_SCORED;
      if (r.value !== null) (value[m] as Float64Array)[e] = r.value;
      if (r.baseline !== null) (baseline[m] as Float64Array)[e] = r.baseline;
      // Met that the computation itself decided (no target involved) survives a target edit.
      if (r.met !== null && !spec?.target) (computedMet[m] as Int8Array)[e] = r.met ? 1 : 0;
      if (r.missed && r.missed.withoutReason > 0) (missingReason[m] as Uint8Array)[e] = 1;
      if (r.milestones) {
        const own = milestones[e];
        milestones[e] = own ? own.concat(r.milestones) : [...r.milestones];
      }
    }
  }
  return {
    entities,
    measures: rulebook.measures.map((m) => m.key),
    computeJson: rulebook.measures.map((m) => JSON.stringify(m.compute)),
    status,
    value,
    baseline,
    computedMet,
    missingReason,
    milestones,
    asOf,
  };
}
