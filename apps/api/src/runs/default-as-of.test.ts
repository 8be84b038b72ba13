import { CATALOG, catalogRulebook } from '@quip/catalog';
import { compileRulebook, defaultAsOf } from '@quip/core';
import { describe, expect, it } from 'vitest';

/**
 * A run's default day for every catalog rulebook, worked out from each rulebook's due dates
 * (reporting `timely.dueDate`, milestone `by`) against its fiscal year's last day (June 30).
 */
const EXPECTED: Record<string, string> = {
  // Due 2026-07-31 for all six reporting measures: a month after the year's end.
  '2025-26/dds-qip': '2026-07-31',
  // Milestones count when completed by 2026-06-30, the year's last day.
  '2025-26/dhcs-ept': '2026-06-30',
  // No due dates: the year's last day.
  '2025-26/dhcs-mcas': '2026-06-30',
  '2025-26/dhcs-qwi': '2026-06-30',
  // Directory 2026-09-30, DSP survey and workforce 2027-03-31, employment (staff, outcomes) and
  // screenings 2027-07-31: the latest, 2027-07-31, is after 2027-06-30.
  '2026-27/dds-qip': '2027-07-31',
  // Milestones by 2027-06-30 = the year's last day.
  '2026-27/dhcs-ept': '2027-06-30',
  '2026-27/dhcs-mcas': '2027-06-30',
  '2026-27/dhcs-qwi': '2027-06-30',
  // Start-up grant by 2027-06-30; enrollment and progress reports due 2027-07-31.
  '2026-27/dhcs-wpc': '2027-07-31',
};

describe("a run's default as-of day for the catalog rulebooks", () => {
  it('covers every catalog rulebook', () => {
    expect(CATALOG.map((e) => `${e.fiscalYear}/${e.programId}`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [key, day] of Object.entries(EXPECTED)) {
    it(`${key} runs as of ${day}`, () => {
      const [fiscalYear, program] = key.split('/') as [string, string];
      expect(defaultAsOf(compileRulebook(catalogRulebook(fiscalYear, program)))).toBe(day);
    });
  }
});
