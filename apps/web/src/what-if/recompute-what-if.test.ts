import { compileRulebook, createWhatIf } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { rateMeasure } from '../../test/rate-measure.ts';
import { recomputeWhatIf } from './recompute-what-if.ts';

/** Payees with shares 0.05, 0.15, ..., 0.95 of one measure with an absolute target; no payment lines. */
function program(target: number) {
  return {
    schemaVersion: 1,
    program: 'test-mcas',
    fiscalYear: '2026-27',
    payee: { kind: 'plan', fields: { netIncomeCents: { type: 'number' } } },
    measures: [
      rateMeasure({ key: 'screening', name: 'Screening', domain: 'prevention' }, ['n', 'd'], {
        target: { kind: 'absolute', value: target },
      }),
    ],
    payment: { method: 'community-reinvestment', netIncomeAttribute: 'netIncomeCents' },
  };
}
const entities = Array.from({ length: 10 }, (_, i) => ({
  id: `H${i}`,
  ...(i === 9 ? {} : { netIncomeCents: 100 }),
}));
const submissions = entities.map((e, i) => ({
  entityId: e.id,
  measure: 'screening',
  period: '2026-27',
  data: { n: 2 * i + 1, d: 20 },
}));

describe('recomputeWhatIf', () => {
  it('bins the focused measure in tenths with its target, and names each issue by payee', () => {
    const whatIf = createWhatIf(compileRulebook(program(0.5)), { entities, submissions, asOf: '2027-06-30' });
    const scored: unknown[] = [];
    const s = recomputeWhatIf(whatIf, compileRulebook(program(0.7)), 'screening', (x) => scored.push(x));
    // One value in each tenth: 1/20, 3/20, ..., 19/20.
    expect(s.histogram).toMatchObject({ measure: 'screening', target: 0.7 });
    expect(s.histogram?.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // 0.75, 0.85, 0.95 meet 0.7.
    expect(s.measures).toEqual([{ measure: 'screening', applicable: 10, scored: 10, met: 3, target: 0.7 }]);
    expect(scored).toEqual([{ measures: s.measures, histogram: s.histogram }]);
    // H9 has no net income on file: the one issue, named by payee.
    expect(s.issueCount).toBe(1);
    expect(s.issues).toEqual([expect.stringMatching(/^H9: /)]);
    expect(s.phaseMs.score).toBeGreaterThanOrEqual(0);
  });
});
