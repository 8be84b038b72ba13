import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactCompare, exactMul, exactRatio, exactToNumber, formatExact } from '../money/exact-number.ts';
import { MeasureResult } from './measure-result.ts';

describe('MeasureResult exact values', () => {
  it('a rate of 1 of 3: value 0.3333333333333333, exact 1/3, above 0.3333, equal to 2/6', () => {
    const r = new MeasureResult('E1', 'm', '2026-27', 1);
    r.setRate(1, 3, 1);
    expect([r.value, r.exact]).toEqual([1 / 3, '1/3']);
    // 1/3 - 0.3333 = 1/30000 > 0
    expect(r.compareValue(0.3333)).toBe(1);
    expect(r.compareValue(exactRatio(2, 6))).toBe(0);
    // 3 of 4 x 100 = 75: a number holds it, no exact text
    r.setRate(3, 4, 100);
    expect([r.value, r.exact, r.compareValue(75)]).toEqual([75, null, 0]);
  });

  it('setRate (no bigints) equals setValue of the exact quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(1, 100, 1000, 0.5),
        fc.oneof(fc.double({ min: -10, max: 1e5, noNaN: true }), fc.integer({ min: 0, max: 100 })),
        (n, d, per, target) => {
          const fast = new MeasureResult('E1', 'm', '2026-27', 1);
          fast.setRate(n, d, per);
          const exact = exactMul(exactRatio(n, d), per);
          expect([fast.value, fast.exact]).toEqual([
            exactToNumber(exact),
            typeof exact === 'number' ? null : formatExact(exact),
          ]);
          expect(fast.compareValue(target)).toBe(exactCompare(exact, target));
          expect(fast.exactValue()).toEqual(exact);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
