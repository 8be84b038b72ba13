import { isIsoDate } from '@quip/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay } from './is-iso-day.ts';

describe('isIsoDay', () => {
  it('knows real days, leap years and the shape', () => {
    // 2024 is a leap year (divisible by 4), 2100 is not (by 100, not 400), 2000 is (by 400).
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2100-02-29')).toBe(false);
    expect(isIsoDay('2000-02-29')).toBe(true);
    expect(isIsoDay('2026-04-31')).toBe(false);
    expect(isIsoDay('2026-12-31')).toBe(true);
    expect(isIsoDay('2026-00-10')).toBe(false);
    expect(isIsoDay('2026-01-00')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
    expect(isIsoDay(' 2026-01-01')).toBe(false);
    expect(isIsoDay('2026/01/01')).toBe(false);
  });

  it("answers as core's isIsoDate", () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const dayLike = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(dayLike, fc.string({ maxLength: 12 })), (s) => {
        expect(isIsoDay(s)).toBe(isIsoDate(s));
      }),
      { numRuns: 5000 },
    );
  });
});
