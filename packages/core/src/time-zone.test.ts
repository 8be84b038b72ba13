import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, dayIn, isTimeZone } from './time-zone.ts';

describe('dayIn', () => {
  it('is the day in Los Angeles: UTC-7 in summer (PDT), UTC-8 in winter (PST)', () => {
    // 2026-09-30 23:59:59 PDT = 2026-10-01 06:59:59 UTC: still the due day 2026-09-30.
    expect(dayIn(new Date('2026-10-01T06:59:59Z'), DEFAULT_TIME_ZONE)).toBe('2026-09-30');
    // One second later it is 2026-10-01 00:00:00 PDT.
    expect(dayIn(new Date('2026-10-01T07:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-10-01');
    // Winter: 2027-03-31 is after DST starts (2027-03-14), so PDT again; 2026-12-31 is PST (UTC-8).
    expect(dayIn(new Date('2027-01-01T07:59:59Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-31');
    expect(dayIn(new Date('2027-01-01T08:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2027-01-01');
  });

  it('reads other zones the same way', () => {
    expect(dayIn(new Date('2026-10-01T06:59:59Z'), 'UTC')).toBe('2026-10-01');
    expect(dayIn(new Date('2026-09-30T14:00:00Z'), 'Asia/Tokyo')).toBe('2026-09-30');
    expect(dayIn(new Date('2026-09-30T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-10-01');
  });

  it('knows real zone names only', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Pacific/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
