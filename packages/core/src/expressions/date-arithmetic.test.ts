import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dayOf,
  daysBetween,
  monthOf,
  splitIsoDate,
  toIsoDate,
  yearOf,
  yearsBetween,
} from './date-arithmetic.ts';

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01'); // 2026 is common: 02-28, then 03-01
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29'); // 2024 is a leap year
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2000-01-01', 366)).toBe('2001-01-01'); // 2000 is a leap year (divisible by 400)
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01'); // 1900 is not (divisible by 100, not 400)
  });

  it('cuts fractional counts toward zero and gives null for null, malformed or out-of-range input', () => {
    expect(addDays('2026-07-01', 1.9)).toBe('2026-07-02');
    expect(addDays('2026-07-01', -1.9)).toBe('2026-06-30');
    expect(addDays(null, 1)).toBeNull();
    expect(addDays('2026-07-01', null)).toBeNull();
    expect(addDays('2026-7-1', 1)).toBeNull();
    expect(addDays('2026-07-01', Number.POSITIVE_INFINITY)).toBeNull();
    expect(addDays('0000-01-01', -1)).toBeNull();
    expect(addDays('9999-12-31', 1)).toBeNull();
  });

  it('agrees with UTC Date arithmetic on random dates and offsets', () => {
    // 1900-01-01 .. 2099-12-31 as milliseconds; the reference is the host's UTC calendar.
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: -25567, max: 47482 }),
        fc.integer({ min: -20000, max: 20000 }),
        (start, n) => {
          const iso = (d: number) => new Date(d * day).toISOString().slice(0, 10);
          expect(addDays(iso(start), n)).toBe(iso(start + n));
          expect(daysBetween(iso(start), iso(start + n))).toBe(n);
        },
      ),
    );
  });
});

describe('addMonths and addYears', () => {
  it('clamp to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31'); // clamping is per call, not cumulative
  });

  it('carry across years in both directions', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15'); // 13 months back: 2025-12-15, then 2024-12-15
    expect(addMonths('2026-07-01', 0)).toBe('2026-07-01');
  });

  it('move 02-29 to 02-28 in common years only', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-07-01', -18)).toBe('2008-07-01');
    expect(addYears('9999-06-01', 1)).toBeNull();
    expect(addMonths(null, 1)).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts exact calendar days, signed', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(daysBetween('1969-12-31', '1970-01-01')).toBe(1);
    // 2000-01-01 .. 2026-01-01: 26 years with 7 leap days (2000, 04, 08, 12, 16, 20, 24) = 26*365+7 = 9497,
    // then Jan..Jun 2026 = 31+28+31+30+31+30 = 181 days: 9678.
    expect(daysBetween('2000-01-01', '2026-07-01')).toBe(9678);
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNull();
  });
});

describe('yearsBetween (age on a date)', () => {
  it('counts a year once the anniversary is reached', () => {
    expect(yearsBetween('1981-07-01', '2026-07-01')).toBe(45); // birthday today: 2026-1981
    expect(yearsBetween('1981-07-02', '2026-07-01')).toBe(44); // birthday tomorrow
    expect(yearsBetween('1981-06-30', '2026-07-01')).toBe(45);
    expect(yearsBetween('2026-07-01', '2026-07-01')).toBe(0);
  });

  it('treats a 02-29 birthday as reached on 03-01 in a common year', () => {
    expect(yearsBetween('2000-02-29', '2001-02-28')).toBe(0);
    expect(yearsBetween('2000-02-29', '2001-03-01')).toBe(1);
    expect(yearsBetween('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('is negative when the second date is earlier, and null for bad input', () => {
    expect(yearsBetween('2026-07-01', '1981-07-01')).toBe(-45);
    expect(yearsBetween('2026-07-01', '1981-07-02')).toBe(-44);
    expect(yearsBetween(null, '2026-07-01')).toBeNull();
    expect(yearsBetween('1981-13-01', '2026-07-01')).toBeNull();
  });
});

describe('parts and validation', () => {
  it('reads year, month and day', () => {
    expect([yearOf('2026-07-09'), monthOf('2026-07-09'), dayOf('2026-07-09')]).toEqual([2026, 7, 9]);
    expect(yearOf(null)).toBeNull();
  });

  it('accepts real ISO dates only', () => {
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of [
      '2026-02-29',
      '2026-00-10',
      '2026-04-31',
      '2026-07-1',
      '2026/07/01',
      ' 2026-07-01',
      '2026-07-01T00:00',
      '20x6-07-01',
    ]) {
      expect(toIsoDate(bad)).toBeNull();
    }
    expect(splitIsoDate('0000-01-01')).toEqual([0, 1, 1]);
  });
});
