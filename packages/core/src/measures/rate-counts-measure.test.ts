import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';

describe('rate from submitted counts', () => {
  const compiled = compileRulebook(
    testRulebook({
      measures: [
        {
          key: 'weighted',
          name: 'weighted',
          domain: 'employment',
          kind: 'outcome',
          fields: {
            site: { type: 'string', required: true },
            numerator: { type: 'number', required: true },
            denominator: { type: 'number', required: true },
          },
          recordKey: ['site'],
          compute: {
            kind: 'rate-counts',
            numeratorField: 'numerator',
            denominatorField: 'denominator',
            per: 100,
          },
          target: { kind: 'absolute', value: 33.4, direction: 'lower' },
        },
      ],
    }),
  );
  const rate = (rows: [number, number][]) =>
    evaluateProgram(compiled, {
      entities: [{ id: 'E1' }],
      submissions: rows.map(([numerator, denominator], k) => ({
        entityId: 'E1',
        measure: 'weighted',
        period: '2026-27',
        data: { site: `s${k}`, numerator, denominator },
      })),
      asOf: '2026-11-23',
    }).results[0];

  it('sums fractional (weighted) counts exactly: (1.1 + 2.2) / (3.3 + 6.6) x 100 = 100/3', () => {
    // 3.3 / 9.9 = 1/3; x 100 = 100/3 = 33.33...; binary sums give 3.3000000000000003 / 9.899999999999999
    const r = rate([
      [1.1, 3.3],
      [2.2, 6.6],
    ]);
    expect([r?.numerator, r?.denominator, r?.exact, r?.value]).toEqual([3.3, 9.9, '100/3', 100 / 3]);
    // 100/3 <= 33.4 (lower is better): met
    expect(r?.met).toBe(true);
  });

  it('whole counts: 1 + 2 of 4 + 5 = 3/9 x 100 = 100/3 as well', () => {
    expect(
      rate([
        [1, 4],
        [2, 5],
      ])?.exact,
    ).toBe('100/3');
  });
});
