import { describe, expect, it } from 'vitest';
import { dayOf, fiscalYearSpan, isoDay, shiftYears } from './iso-day.ts';

describe('iso days', () => {
  it('round-trips and counts days', () => {
    expect(isoDay(dayOf('2027-02-28') + 1)).toBe('2027-03-01');
    // 2028 is a leap year.
    expect(isoDay(dayOf('2028-02-28') + 1)).toBe('2028-02-29');
    expect(dayOf('2027-06-30') - dayOf('2026-07-01')).toBe(364);
  });

  it('spans a California fiscal year, July to June', () => {
    const fy = fiscalYearSpan('2026-27');
    expect([isoDay(fy.start), isoDay(fy.end), fy.startYear]).toEqual(['2026-07-01', '2027-06-30', 2026]);
    expect(() => fiscalYearSpan('2026-28')).toThrow(/2026-27/);
    expect(() => fiscalYearSpan('FY26')).toThrow();
  });

  it('shifts by whole years', () => {
    expect(isoDay(shiftYears('2026-07-01', -9))).toBe('2017-07-01');
  });
});
