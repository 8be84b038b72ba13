import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateExactly } from './allocate-exactly.ts';

describe('allocateExactly', () => {
  it('scales sizes to the total exactly', () => {
    // Factor 8 / 4 = 2: [1, 1, 2] -> [2, 2, 4].
    expect(allocateExactly([1, 1, 2], 8)).toEqual([2, 2, 4]);
    // Factor 10 / 3: 3.33 each; floors 3 + 3 + 3 = 9, the leftover 1 to the first (ties by index).
    expect(allocateExactly([1, 1, 1], 10)).toEqual([4, 3, 3]);
  });

  it('always adds up, and gives everyone at least one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 5000 }),
        (sizes, extra) => {
          const total = sizes.length + extra;
          const out = allocateExactly(sizes, total);
          expect(out.reduce((a, b) => a + b, 0)).toBe(total);
          expect(out.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
        },
      ),
    );
  });
});
