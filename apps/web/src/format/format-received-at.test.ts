import { describe, expect, it } from 'vitest';
import { formatReceivedAt } from './format-received-at.ts';

const LA = 'America/Los_Angeles';

describe('formatReceivedAt', () => {
  it('prints the wall clock in the program time zone, naming daylight time', () => {
    // The last second of 2026-09-30 in Los Angeles is already 2026-10-01 in UTC.
    expect(formatReceivedAt('2026-10-01T06:59:59Z', LA)).toBe('2026-09-30 23:59 PDT');
    expect(formatReceivedAt('2026-10-01T07:00:00.000Z', LA)).toBe('2026-10-01 00:00 PDT');
  });

  it('names standard time after the November change', () => {
    expect(formatReceivedAt('2027-01-01T07:59:59Z', LA)).toBe('2026-12-31 23:59 PST');
    // 2026-11-01 01:30 happens twice; the second (UTC-8) is PST.
    expect(formatReceivedAt('2026-11-01T08:30:00Z', LA)).toBe('2026-11-01 01:30 PDT');
    expect(formatReceivedAt('2026-11-01T09:30:00Z', LA)).toBe('2026-11-01 01:30 PST');
  });

  it('prints midnight as 00, never 24', () => {
    expect(formatReceivedAt('2026-12-01T08:00:00Z', LA)).toBe('2026-12-01 00:00 PST');
  });

  it('falls back to UTC for an unknown zone and leaves a non-instant as given', () => {
    expect(formatReceivedAt('2026-10-01T06:59:59Z', 'Nowhere/Atlantis')).toBe('2026-10-01 06:59 UTC');
    expect(formatReceivedAt('not a time', LA)).toBe('not a time');
  });
});
