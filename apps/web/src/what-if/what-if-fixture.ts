import { compileRulebook, evaluateProgram, type Rulebook } from '@quip/core';
import { basisFromResults, type WhatIfBasis } from './what-if-basis.ts';

/**
 * A small rate-incentive program for tests: three providers of 100 units at $50.00 a unit, one
 * share measure (trained / staff) with an absolute target. Shares: P1 5/10, P2 7/10, P3 9/10.
 */
export function smallProgram(target = 0.6): Record<string, unknown> {
  return {
    schemaVersion: 1,
    program: 'test-qip',
    fiscalYear: '2026-27',
    payee: {
      kind: 'provider',
      fields: { units: { type: 'number', required: true }, rateCents: { type: 'number', required: true } },
    },
    measures: [
      {
        key: 'trained-share',
        name: 'Trained staff share',
        domain: 'workforce',
        kind: 'performance',
        fields: { trained: { type: 'number' }, staff: { type: 'number' } },
        compute: { kind: 'rate-counts', numeratorField: 'trained', denominatorField: 'staff' },
        target: { kind: 'absolute', value: target },
        weight: 1,
      },
    ],
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' },
  };
}

export function smallBasis(): { basis: WhatIfBasis; rulebook: Rulebook } {
  const compiled = compileRulebook(smallProgram());
  const entities = ['P1', 'P2', 'P3'].map((id) => ({ id, units: 100, rateCents: 5000 }));
  const submissions = [5, 7, 9].map((trained, i) => ({
    entityId: `P${i + 1}`,
    measure: 'trained-share',
    period: '2026-27',
    submittedOn: '2026-10-01',
    data: { trained, staff: 10 },
  }));
  const asOf = '2027-06-30';
  const { results } = evaluateProgram(compiled, { entities, submissions, asOf });
  return { basis: basisFromResults(compiled.rulebook, entities, results, asOf), rulebook: compiled.rulebook };
}
