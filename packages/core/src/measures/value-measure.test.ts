import { describe, expect, it } from 'vitest';
import { evaluateProgram } from '../evaluate/evaluate-program.ts';
import { compileRulebook } from '../rulebook/compile-rulebook.ts';

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
  const compiled = compileRulebook({
    schemaVersion: 1,
    program: 'dds-qip',
    fiscalYear: '2026-27',
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
    payment: { method: 'rate-incentive' },
  });
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
    // mean of trained / staff where both are numbers: (0.5 + 0.75 + 0.75) / 3 = 0.6667
    expect(value('trained-share')).toBeCloseTo(2 / 3, 12);
    // latest submittedOn with a number: north on 09-05 -> 2
    expect(value('latest')).toBe(2);
    expect(value('fewest')).toBe(2);
  });
});
