import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulebookError } from '../errors.ts';
import { allocateLargestRemainder } from './allocate-largest-remainder.ts';
import { splitEvenly } from './split-evenly.ts';

describe('allocateLargestRemainder', () => {
  it('gives leftover units to the largest remainders', () => {
    // 100 by 1:1:1 -> quotas 33.33 each; floors 33+33+33 = 99; 1 left, tie -> lowest index
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 by 0.5:0.3:0.2 -> exact quotas 5, 3, 2
    expect(allocateLargestRemainder(10, ['0.5', '0.3', '0.2'])).toEqual([5, 3, 2]);
    // 7 by 1:2:4 (sum 7) -> 1, 2, 4
    expect(allocateLargestRemainder(7, [1, 2, 4])).toEqual([1, 2, 4]);
    // 10 by 1:1:1:3 (sum 6): quotas 1.667, 1.667, 1.667, 5 -> floors 1,1,1,5 = 8; 2 left to the
    // three .667 remainders, ties by index -> indexes 0 and 1
    expect(allocateLargestRemainder(10, [1, 1, 1, 3])).toEqual([2, 2, 1, 5]);
    // 5 by 0.1:0.3 (exact 1/10 and 3/10, sum 4/10): quotas 1.25, 3.75 -> 1, 3; 1 left -> index 1
    expect(allocateLargestRemainder(5, [0.1, 0.3])).toEqual([1, 4]);
  });

  it('handles zero weights, zero total and negative totals', () => {
    expect(allocateLargestRemainder(9, [0, 3, 0])).toEqual([0, 9, 0]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    // -100 split like 100 then negated
    expect(allocateLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(() => allocateLargestRemainder(5, [0, 0])).toThrow(RulebookError);
    expect(() => allocateLargestRemainder(5, [])).toThrow(RulebookError);
    expect(() => allocateLargestRemainder(5, [1, -1])).toThrow(RulebookError);
  });

  const weight = fc.oneof(
    fc.nat({ max: 1_000_000 }),
    fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}.${b}`),
  );
  const weights = fc
    .array(weight, { minLength: 1, maxLength: 40 })
    .filter((ws) => ws.some((w) => Number(w) > 0));
  const total = fc.integer({ min: -1e12, max: 1e12 });

  it('parts add up to the total, have the total sign, and are deterministic (property)', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateLargestRemainder(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        for (const p of parts) {
          expect(Number.isSafeInteger(p)).toBe(true);
          if (t >= 0) expect(p).toBeGreaterThanOrEqual(0);
          else expect(p).toBeLessThanOrEqual(0);
        }
        expect(allocateLargestRemainder(t, ws)).toEqual(parts);
      }),
    );
  });

  it('each part is within one unit of its exact quota (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e9 }),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 30 }),
        (t, ws) => {
          const sum = ws.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const parts = allocateLargestRemainder(t, ws);
          ws.forEach((w, i) => {
            // |part*sum - t*w| < sum, compared exactly in bigint
            const diff = BigInt(parts[i] as number) * BigInt(sum) - BigInt(t) * BigInt(w);
            expect(diff < BigInt(sum) && diff > -BigInt(sum)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('splitEvenly', () => {
  it('splits with leftover to the first parts', () => {
    // EPT: 28,060,000 / 25 = 1,122,400 exactly
    expect(splitEvenly(28_060_000, 25)).toEqual(new Array(25).fill(1_122_400));
    // 19,889,700 / 23 = 864,769.565... -> 864,769 x 23 = 19,889,687; 13 left -> first 13 get +1
    const parts = splitEvenly(19_889_700, 23);
    expect(parts.slice(0, 13)).toEqual(new Array(13).fill(864_770));
    expect(parts.slice(13)).toEqual(new Array(10).fill(864_769));
    expect(splitEvenly(-100, 3)).toEqual([-34, -33, -33]);
    expect(splitEvenly(0, 2)).toEqual([0, 0]);
    expect(() => splitEvenly(5, 0)).toThrow(RulebookError);
  });

  it('matches largest remainder with equal weights (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 50 }), (t, n) => {
        expect(splitEvenly(t, n)).toEqual(allocateLargestRemainder(t, new Array(n).fill(1)));
      }),
    );
  });
});
