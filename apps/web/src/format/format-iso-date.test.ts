import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './format-iso-date.ts';

describe('formatIsoDate', () => {
  it('prints the first and last day of FY 2026-27 as calendar dates', () => {
    expect(formatIsoDate('2026-07-01')).toBe('July 1, 2026');
    expect(formatIsoDate('2027-06-30')).toBe('June 30, 2027');
  });

  it('handles a leap day', () => {
    // 2028 is divisible by 4 and not by 100, so it has a February 29.
    expect(formatIsoDate('2028-02-29')).toBe('February 29, 2028');
  });

  it('returns anything that is not a real ISO date unchanged', () => {
    expect(formatIsoDate('2027-02-29')).toBe('2027-02-29'); // 2027 is not a leap year
    expect(formatIsoDate('2026-13-01')).toBe('2026-13-01');
    expect(formatIsoDate('soon')).toBe('soon');
  });
});
