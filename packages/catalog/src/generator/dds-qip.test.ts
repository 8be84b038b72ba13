import type { Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_CODES, RESIDENTIAL_CODES } from './dds-qip-payees.ts';
import { generateProgramData } from './generate-program-data.ts';

const data = generateProgramData('dds-qip', { seed: 42, size: 'demo' });
const rows = [...data.submissions()];
const of = (measure: string): Submission[] => rows.filter((s) => s.measure === measure);
const residential = new Set<string>(RESIDENTIAL_CODES);
const employment = new Set<string>(EMPLOYMENT_CODES);
const codeOf = new Map(data.entities.map((e) => [e.id, e.serviceCode as string]));

describe('dds-qip demo data', () => {
  it('has on-time, near-miss, late and missing directory reports (due 2026-09-30)', () => {
    const dates = of('qip-provider-directory').map((s) => s.submittedOn as string);
    expect(dates.filter((d) => d <= '2026-09-30').length).toBeGreaterThan(200);
    expect(dates.filter((d) => d >= '2026-09-28' && d <= '2026-09-30').length).toBeGreaterThan(0); // last days
    expect(dates.filter((d) => d >= '2026-10-01' && d <= '2026-10-03').length).toBeGreaterThan(0); // 1-3 days late
    expect(dates.filter((d) => d > '2026-10-03').length).toBeGreaterThan(0);
    // Missing: fewer directory reports than payees (one each at most).
    expect(new Set(of('qip-provider-directory').map((s) => s.entityId)).size).toBe(dates.length);
    expect(dates.length).toBeLessThan(300);
  });

  it('sends employment reports only for 950/952 and screenings only for residential codes', () => {
    for (const s of [...of('qip-employment-staff'), ...of('qip-employment-outcomes')])
      expect(employment.has(codeOf.get(s.entityId) as string)).toBe(true);
    for (const s of of('qip-preventive-screenings'))
      expect(residential.has(codeOf.get(s.entityId) as string)).toBe(true);
  });

  it('keeps counts consistent: "of them" at most the group, FTE at most the headcount', () => {
    for (const { data: d } of of('qip-employment-outcomes')) {
      expect(d.internshipToCie as number).toBeLessThanOrEqual(d.internshipPeople as number);
      expect(d.groupToIndividual as number).toBeLessThanOrEqual(d.groupPeople as number);
      expect(d.dayProgramToPipOrCie as number).toBeLessThanOrEqual(d.dayProgramPeople as number);
      expect(d.jobRetained12Months as number).toBeLessThanOrEqual(d.jobStarters as number);
    }
    // Group sizes fall on both sides of the minimum denominator 5.
    const starters = of('qip-employment-outcomes').map((s) => s.data.jobStarters as number);
    expect(starters.some((n) => n < 5) && starters.some((n) => n >= 5)).toBe(true);
    for (const { data: d } of of('qip-non-dsp-workforce')) {
      expect(d.fte as number).toBeLessThanOrEqual(d.headcount as number);
      if ((d.headcount as number) > 0) expect(d.medianHourlyWageCents).toBeDefined();
    }
    expect(
      of('qip-non-dsp-workforce').some((s) => s.data.jobCategory === 'none' && s.data.headcount === 0),
    ).toBe(true);
  });

  it('has screenings missed with a reason, a few without, and near misses on the date rule', () => {
    const final = of('qip-preventive-screenings');
    const missedWithReason = final.filter(
      (s) => s.data.missedReason !== undefined && s.data.missedReason !== 'appointment-scheduled',
    );
    const neitherDateNorReason = final.filter(
      (s) => s.data.screenedOn === undefined && s.data.missedReason === undefined,
    );
    expect(missedWithReason.length).toBeGreaterThan(100);
    expect(neitherDateNorReason.length).toBeGreaterThan(0);
    expect(neitherDateNorReason.length).toBeLessThan(missedWithReason.length / 10);
    // Primary care counts from 2026-07-01: visits in the 20 days before are near misses.
    const pcv = final
      .filter((s) => s.data.screening === 'primary-care-visit')
      .map((s) => s.data.screenedOn as string | undefined);
    expect(pcv.some((d) => d !== undefined && d >= '2026-06-11' && d < '2026-07-01')).toBe(true);
    expect(pcv.some((d) => d !== undefined && d >= '2026-07-01' && d <= '2026-07-04')).toBe(true);
  });

  it('keeps every screening record inside the rules of docs/programs/dds-qip.md 8', () => {
    for (const { data: d } of of('qip-preventive-screenings')) {
      const age = d.age as number;
      const screening = d.screening as string;
      const inBand =
        ((screening === 'primary-care-visit' || screening === 'dental-exam') && age >= 18) ||
        (screening === 'colorectal-screening' && age >= 45 && age <= 75) ||
        (screening === 'breast-cancer-screening' && age >= 50 && age <= 74) ||
        (screening === 'cervical-cancer-screening' && age >= 21 && age <= 65) ||
        (screening === 'well-child-visit' && age <= 17);
      expect(inBand, `${screening} at ${age}`).toBe(true);
      if (d.screenedOn !== undefined) expect((d.screenedOn as string) <= '2027-06-30').toBe(true);
      if (
        (screening === 'colorectal-screening' || screening === 'cervical-cancer-screening') &&
        d.screenedOn !== undefined
      ) {
        expect(d.testType).toBeDefined();
      }
    }
  });

  it('sends interim snapshots that the final report replaces record by record', () => {
    const byKey = new Map<string, Submission[]>();
    for (const s of of('qip-preventive-screenings')) {
      const key = `${s.entityId}|${s.data.personId}|${s.data.screening}`;
      byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    const repeated = [...byKey.values()].filter((list) => list.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    // Scheduled in an interim snapshot, done by the final one.
    expect(
      repeated.some(
        (list) =>
          list[0]?.data.missedReason === 'appointment-scheduled' &&
          list.at(-1)?.data.screenedOn !== undefined,
      ),
    ).toBe(true);
    for (const list of repeated) {
      const dates = list.map((s) => s.submittedOn as string);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('files every directory verification and survey completion no later than the filing', () => {
    for (const s of of('qip-provider-directory'))
      expect((s.data.verifiedOn as string) <= (s.submittedOn as string)).toBe(true);
    for (const s of of('qip-dsp-survey'))
      expect((s.data.completedOn as string) <= (s.submittedOn as string)).toBe(true);
  });
});
