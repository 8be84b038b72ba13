import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';
import { testRulebook } from '../testing/test-rulebook.ts';

const measure = (key: string, compute: Record<string, unknown>) => ({
  key,
  name: key,
  domain: 'workforce',
  kind: 'performance',
  fields: {
    site: { type: 'string', required: true },
    trained: { type: 'number' },
    staff: { type: 'number' },
  },
  recordKey: ['site'],
  compute: { kind: 'value', ...compute },
});

describe('value measure', () => {
  const compiled = compileRulebook(
    testRulebook({
      measures: [
        measure('trained-sum', { field: 'trained' }),
        {
          ...measure('trained-share', { formula: 'trained / staff', aggregate: 'mean' }),
          dataFrom: 'trained-sum',
          fields: undefined,
          recordKey: undefined,
        },
        {
          ...measure('latest', { field: 'trained', aggregate: 'latest' }),
          dataFrom: 'trained-sum',
          fields: undefined,
          recordKey: undefined,
        },
        {
          ...measure('fewest', { field: 'trained', aggregate: 'min' }),
          dataFrom: 'trained-sum',
          fields: undefined,
          recordKey: undefined,
        },
      ],
    }),
  );
  const row = (site: string, submittedOn: string, data: Record<string, unknown>) => ({
    entityId: 'E1',
    measure: 'trained-sum',
    period: '2026-27',
    submittedOn,
    data: { site, ...data },
  });
  const { results } = evaluateProgram(compiled, {
    entities: [{ id: 'E1' }],
    submissions: [
      row('north', '2026-09-01', { trained: 1, staff: 4 }),
      row('south', '2026-09-03', { trained: 3, staff: 4 }),
      row('east', '2026-09-02', { trained: 6, staff: 8 }),
      row('north', '2026-09-05', { trained: 2, staff: 4 }), // replaces north's first record
      row('west', '2026-09-04', { staff: 5 }), // no trained count: left out of every aggregate but the formula's null
    ],
    asOf: '2026-11-23',
  });
  const value = (key: string) => results.find((r) => r.measure === key)?.value;

  it('aggregates a field over the current records (measures sharing one data set via dataFrom)', () => {
    // Current: north 2/4 (resubmitted 09-05), south 3/4, east 6/8, west -/5.
    expect(value('trained-sum')).toBe(2 + 3 + 6); // 11
    // mean of trained / staff where both are numbers: (0.5 + 0.75 + 0.75) / 3 = 2 / 3 exactly
    expect(value('trained-share')).toBe(2 / 3);
    expect(results.find((r) => r.measure === 'trained-share')?.exact).toBe('2/3');
    // latest submittedOn with a number: north on 09-05 -> 2
    expect(value('latest')).toBe(2);
    expect(value('fewest')).toBe(2);
  });
});

describe('value measure: exact sums and named failures', () => {
  const compiled = compileRulebook(
    testRulebook({
      measures: [
        measure('gap-closed', { formula: 'trained - staff', aggregate: 'sum' }),
        {
          ...measure('share', { formula: 'trained / staff', aggregate: 'latest' }),
          dataFrom: 'gap-closed',
          fields: undefined,
          recordKey: undefined,
        },
      ],
    }),
  );
  const evaluate = (rows: Record<string, unknown>[]) =>
    evaluateProgram(compiled, {
      entities: [{ id: 'E1' }],
      submissions: rows.map((data, k) => ({
        entityId: 'E1',
        measure: 'gap-closed',
        period: '2026-27',
        submittedOn: `2026-09-0${k + 1}`,
        data: { site: `s${k}`, ...data },
      })),
      asOf: '2026-11-23',
    }).results;

  it('sums decimals exactly: (4.1 - 3.1) + (0.3 - 0.2) = 1.1 (binary: 1.0999999999999996)', () => {
    const [sum] = evaluate([
      { trained: 4.1, staff: 3.1 },
      { trained: 0.3, staff: 0.2 },
    ]);
    expect([sum?.value, sum?.exact]).toEqual([1.1, null]);
  });

  it('a division by zero is not scored, with its reason, never Infinity', () => {
    const [, share] = evaluate([
      { trained: 1, staff: 2 },
      { trained: 3, staff: 0 },
    ]);
    expect(share?.status).toBe('not-scored');
    expect(share?.reason).toBe("division by zero in 'trained / staff' (record 2)");
    expect(share?.value).toBeNull();
  });
});
