import { describe, expect, it } from 'vitest';
import {
  ALL_MEASURES_ROW_LIMIT,
  allMeasuresRows,
  defaultMeasure,
  measuresOf,
  runPayees,
} from './measure-choice.ts';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

describe('defaultMeasure', () => {
  it('opens on all measures up to 100,000 results and on the first measure above', () => {
    expect(ALL_MEASURES_ROW_LIMIT).toBe(100_000);
    // 5,555 x 18 = 99,990 <= 100,000: all measures.
    expect(defaultMeasure(5_555, keys(18))).toBeNull();
    // 5,556 x 18 = 99,990 + 18 = 100,008 > 100,000: the first measure.
    expect(defaultMeasure(5_556, keys(18))).toBe('m1');
    // Exactly at the limit: 10,000 x 10 = 100,000 is still all measures; 100,001 x 1 is not.
    expect(defaultMeasure(10_000, keys(10))).toBeNull();
    expect(defaultMeasure(100_001, keys(1))).toBe('m1');
    // The real DDS program: 100,000 x 18 = 1,800,000.
    expect(defaultMeasure(100_000, keys(18))).toBe('m1');
  });

  it('loads all measures when the rulebook names none (nothing to choose from)', () => {
    expect(defaultMeasure(1_000_000, [])).toBeNull();
  });
});

describe('allMeasuresRows', () => {
  it('is payees x measures', () => {
    // 100,000 x 18 = 1,800,000
    expect(allMeasuresRows(100_000, 18)).toBe(1_800_000);
  });
});

describe('runPayees', () => {
  it("prefers the totals' payees, else the progress total", () => {
    const totals = { payees: 5, totalCents: 9000, byLineKind: { base: 9000 } };
    expect(runPayees({ progress: { done: 3, total: 7 }, totals })).toBe(5);
    expect(runPayees({ progress: { done: 3, total: 7 }, totals: null })).toBe(7);
  });
});

describe('measuresOf', () => {
  it('reads key and name in rulebook order and skips what is not a measure', () => {
    expect(
      measuresOf({
        measures: [
          { key: 'cie', name: 'Competitive integrated employment' },
          { key: 'b' },
          { name: 'x' },
          null,
        ],
      }),
    ).toEqual([{ key: 'cie', name: 'Competitive integrated employment' }, { key: 'b' }]);
    expect(measuresOf({})).toEqual([]);
    expect(measuresOf(undefined)).toEqual([]);
  });
});
