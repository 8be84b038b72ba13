import { describe, expect, it } from 'vitest';
import { methodParams } from '../testing/measure-outcome.ts';
import {
  computeFixedMilestoneSchedule,
  type FixedMilestoneScheduleParams,
} from './fixed-milestone-schedule.ts';
import type { EntityOutcome } from './payment.ts';

const params = methodParams<FixedMilestoneScheduleParams>('fixed-milestone-schedule');
const entity = (entityId: string, done: [number, string][]): EntityOutcome => ({
  entityId,
  attributes: {},
  measures: {},
  composite: null,
  completedMilestones: done.map(([milestone, completedOn]) => ({ milestone, completedOn })),
});

describe('fixed-milestone-schedule', () => {
  const schedule = params({
    schedule: [
      { milestone: 1, label: '30 days', amount: '2000.00' },
      { milestone: 2, label: '6 months', amount: '2500.00' },
      { milestone: 3, label: '12 months', amount: '3000.00' },
    ],
  });

  it('pays the scheduled amount of each completed milestone', () => {
    // $2,000 + $2,500 = $4,500 = 450,000 cents; milestone 3 after asOf is not paid yet
    const e = entity('p', [
      [1, '2026-08-01'],
      [2, '2027-01-01'],
      [3, '2027-07-01'],
    ]);
    const { payments, issues } = computeFixedMilestoneSchedule(schedule, [e], {
      explain: false,
      asOf: '2027-06-30',
    });
    expect(issues).toEqual([]);
    expect(payments[0]?.lines).toEqual([
      { kind: 'milestone', milestone: 1, completedOn: '2026-08-01', label: '30 days', amountCents: 200_000 },
      { kind: 'milestone', milestone: 2, completedOn: '2027-01-01', label: '6 months', amountCents: 250_000 },
    ]);
    expect(payments[0]?.totalCents).toBe(450_000);
  });

  const wpc = (overflow: string) =>
    params({
      schedule: [{ milestone: 1, label: 'start-up', amount: '200000.00' }],
      pool: { amount: '20000000.00', overflow },
    });
  const counties = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      entity(`c${String(i).padStart(3, '0')}`, [[1, `2019-${String((i % 12) + 1).padStart(2, '0')}-01`]]),
    );

  it('WPC: 100 start-up grants of $200,000 fit the $20M pool exactly', () => {
    const { payments, issues } = computeFixedMilestoneSchedule(wpc('pro-rata'), counties(100), {
      explain: false,
    });
    expect(issues).toEqual([]);
    expect(payments.every((p) => p.totalCents === 20_000_000)).toBe(true);
  });

  it('WPC: 101 claims share the pool pro rata, adding up to the pool', () => {
    // 2,000,000,000 / 101 = 19,801,980.198 -> floor x 101 = 1,999,999,980; 20 cents left -> the first 20 claims
    const { payments, issues } = computeFixedMilestoneSchedule(wpc('pro-rata'), counties(101), {
      explain: false,
    });
    expect(issues.map((i) => i.code)).toEqual(['pool-exceeded']);
    expect(payments.reduce((t, p) => t + p.totalCents, 0)).toBe(2_000_000_000);
    expect(payments[0]?.totalCents).toBe(19_801_981);
    expect(payments[19]?.totalCents).toBe(19_801_981);
    expect(payments[20]?.totalCents).toBe(19_801_980);
    expect(payments[0]?.lines[0]).toMatchObject({ scheduledCents: 20_000_000, amountCents: 19_801_981 });
  });

  it('WPC: first come, first served pays by completion date until the pool runs out', () => {
    // 101 claims of $200,000 against $20M: 100 are paid in full and the latest claim (by date, then id) gets 0.
    const { payments } = computeFixedMilestoneSchedule(wpc('first-come'), counties(101), { explain: false });
    const zero = payments.filter((p) => p.totalCents === 0).map((p) => p.entityId);
    // the latest date is 2019-12-01 (i % 12 = 11: i = 11, 23, ..., 95); the largest id among them is c095
    expect(zero).toEqual(['c095']);
    expect(payments.reduce((t, p) => t + p.totalCents, 0)).toBe(2_000_000_000);
  });
});
