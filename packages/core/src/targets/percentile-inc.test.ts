import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { percentileInc } from './percentile-inc.ts';

/** Reference: sort, then interpolate as Excel documents PERCENTILE.INC. */
function bySort(values: number[], p: number): number | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const rank = p * (v.length - 1);
  const k = Math.floor(rank);
  const lo = v[k] as number;
  return rank === k ? lo : lo + (rank - k) * ((v[k + 1] as number) - lo);
}

describe('percentileInc', () => {
  it('matches hand-worked Excel values', () => {
    // PERCENTILE.INC({1,2,3,4}, 0.25): rank = 0.25*3 = 0.75 -> 1 + 0.75*(2-1) = 1.75
    expect(percentileInc([4, 1, 3, 2], 0.25)).toBe(1.75);
    // median of 4 values: rank 1.5 -> 2 + 0.5*(3-2) = 2.5
    expect(percentileInc([4, 1, 3, 2], 0.5)).toBe(2.5);
    // {15,20,35,40,50}, 0.4: rank = 0.4*4 = 1.6 -> 20 + 0.6*(35-20) = 29
    expect(percentileInc([50, 15, 40, 20, 35], 0.4)).toBeCloseTo(29, 12);
    // 0.9 of {0.50,0.60,0.70,0.80,0.90,1.00}: rank = 4.5 -> 0.9 + 0.5*0.1 = 0.95
    expect(percentileInc([0.6, 1, 0.5, 0.9, 0.7, 0.8], 0.9)).toBeCloseTo(0.95, 12);
    expect(percentileInc([3, 9, 1], 0)).toBe(1);
    expect(percentileInc([3, 9, 1], 1)).toBe(9);
    expect(percentileInc([7], 0.3)).toBe(7);
  });

  it('ignores non-finite values, returns null when none are left, and leaves the input alone', () => {
    const input = [Number.NaN, 5, 1, Number.POSITIVE_INFINITY];
    expect(percentileInc(input, 0.5)).toBe(3); // of {1, 5}: rank 0.5 -> 1 + 0.5*4 = 3
    expect(input[1]).toBe(5);
    expect(percentileInc([], 0.5)).toBeNull();
    expect(percentileInc([Number.NaN], 0.5)).toBeNull();
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => percentileInc([1, 2], 50)).toThrow(RulebookError);
    expect(() => percentileInc([1, 2], -0.1)).toThrow(RulebookError);
    expect(() => percentileInc([1, 2], Number.NaN)).toThrow(RulebookError);
  });

  it('equals the sort-based reference (property)', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 5 }), // many duplicates
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const copy = values.slice();
          expect(percentileInc(values, p)).toBe(bySort(values, p));
          expect(values).toEqual(copy);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals the reference on large inputs that take the sampling path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 601, maxLength: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          expect(percentileInc(values, p)).toBe(bySort(values, p));
        },
      ),
      { numRuns: 50 },
    );
  });
});
