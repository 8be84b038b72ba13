import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { type ExactNumber, exactOf, exactToNumber, rationalOf } from '../money/exact-number.ts';
import { add, compare, mul, type Rational, rational, sub } from '../money/rational.ts';
import { percentileInc, percentileIncExact } from './percentile-inc.ts';

/** Reference: sort, then interpolate as Excel documents PERCENTILE.INC, exactly (values and p as decimals). */
function bySort(values: number[], p: number): number | null {
  const exact = exactBySort(values.filter(Number.isFinite), rationalOf(p));
  return exact === null ? null : exactToNumber(exact);
}

describe('percentileInc', () => {
  it('matches hand-worked Excel values', () => {
    // PERCENTILE.INC({1,2,3,4}, 0.25): rank = 0.25*3 = 0.75 -> 1 + 0.75*(2-1) = 1.75
    expect(percentileInc([4, 1, 3, 2], 0.25)).toBe(1.75);
    // median of 4 values: rank 1.5 -> 2 + 0.5*(3-2) = 2.5
    expect(percentileInc([4, 1, 3, 2], 0.5)).toBe(2.5);
    // {15,20,35,40,50}, 0.4: rank = 0.4*4 = 1.6 -> 20 + 0.6*(35-20) = 29
    expect(percentileInc([50, 15, 40, 20, 35], 0.4)).toBe(29);
    // 0.9 of {0.50,0.60,0.70,0.80,0.90,1.00}: rank = 4.5 -> 0.9 + 0.5*0.1 = 0.95
    expect(percentileInc([0.6, 1, 0.5, 0.9, 0.7, 0.8], 0.9)).toBe(0.95);
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

/** Exact reference: sort the exact values, interpolate with rationals. */
function exactBySort(values: ExactNumber[], p: Rational): ExactNumber | null {
  const v = values.map(rationalOf).sort(compare);
  if (v.length === 0) return null;
  const rank = mul(p, rational(BigInt(v.length - 1)));
  const k = Number(rank.n / rank.d);
  const frac = sub(rank, rational(BigInt(k)));
  const lo = v[k] as Rational;
  return exactOf(frac.n === 0n ? lo : add(lo, mul(frac, sub(v[k + 1] as Rational, lo))));
}

describe('percentileIncExact', () => {
  it('interpolates exactly: the median of {0.1, 0.5} is 0.3 (binary: 0.30000000000000004)', () => {
    // rank = 0.5 x 1 = 0.5 -> 0.1 + 0.5 x (0.5 - 0.1) = 0.3
    expect(percentileIncExact([0.5, 0.1], rational(1n, 2n))).toBe(0.3);
    // 0.25 of {1,2,3,4}: rank 0.75 -> 1 + 0.75 x 1 = 1.75
    expect(percentileIncExact([4, 1, 3, 2], rational(1n, 4n))).toBe(1.75);
  });

  it('orders exact values that share a double: 1/3 is above 0.3333333333333333', () => {
    // Both are the double 0.3333333333333333; exactly, the decimal is 1/3 - 1/(3 x 10^16).
    const third = rational(1n, 3n);
    const values = [1 / 3, 1 / 3];
    const exacts = [third, undefined];
    expect(percentileIncExact(values, rational(0n), (i) => exacts[i])).toBe(0.3333333333333333);
    expect(percentileIncExact(values, rational(1n), (i) => exacts[i])).toEqual(third);
    // The median: 0.3333333333333333 + 0.5 x (1/3 - 0.3333333333333333) = 1/3 - 1/(6 x 10^16)
    expect(percentileIncExact(values, rational(1n, 2n), (i) => exacts[i])).toEqual(
      rational(2n * 10n ** 16n - 1n, 6n * 10n ** 16n),
    );
  });

  it('ties: peers {1/3, 1/3, 2/3} have the median 1/3 exactly', () => {
    const values = [1 / 3, 2 / 3, 1 / 3];
    const exacts = [rational(1n, 3n), rational(2n, 3n), rational(1n, 3n)];
    expect(percentileIncExact(values, rational(1n, 2n), (i) => exacts[i])).toEqual(rational(1n, 3n));
  });

  it('equals the exact sort-based reference (property)', () => {
    const exact = fc.oneof(
      fc.integer({ min: -5, max: 5 }), // many ties
      fc.integer({ min: -1000, max: 1000 }).map((m) => m / 100),
      fc
        .tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 12 }))
        .map(([n, d]) => exactOf(rational(BigInt(n), BigInt(d)))),
    );
    fc.assert(
      fc.property(
        fc.array(exact, { maxLength: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (values, percentile) => {
          const p = rational(BigInt(percentile), 100n);
          const doubles = values.map(exactToNumber);
          const exacts = values.map((v) => (typeof v === 'number' ? undefined : v));
          expect(percentileIncExact(doubles, p, (i) => exacts[i])).toEqual(exactBySort(values, p));
        },
      ),
      { numRuns: 500 },
    );
  });
});
