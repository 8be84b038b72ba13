import { describe, expect, it } from 'vitest';
import { entityOutcome, measureOutcome, methodParams } from '../testing/measure-outcome.ts';
import type { MeasureOutcome } from './payment.ts';
import { computeWithholdEarnBack, type WithholdEarnBackParams } from './withhold-earn-back.ts';

const params = methodParams<WithholdEarnBackParams>('withhold-earn-back');
const m = measureOutcome;
const plan = (entityId: string, capitationCents: number, measures: Record<string, MeasureOutcome>) =>
  entityOutcome(entityId, { capitationCents }, measures);

describe('withhold-earn-back (DHCS QWI)', () => {
  const entities = [
    // withhold 0.5% of 100,000,000 = 500,000; weighted-met over m1..m3: (2 + 1) / (2 + 1 + 1) = 3/4 -> 375,000
    plan('A', 100_000_000, { m1: m(true, 2), m2: m(false), m3: m(true), disparity: m(true) }),
    // withhold 300,000; all met -> 300,000
    plan('B', 60_000_000, { m1: m(true, 2), m2: m(true), m3: m(true), disparity: m(true) }),
    // withhold 200,000; none met -> 0; not eligible for the incentive
    plan('C', 40_000_000, { m1: m(false, 2), m2: m(false), m3: m(false), disparity: m(false) }),
  ];
  const measures = ['m1', 'm2', 'm3'];

  it('withholds 0.5% and pays back the earned share', () => {
    const { payments, issues } = computeWithholdEarnBack(params({ measures }), entities, { explain: false });
    expect(issues).toEqual([]);
    expect(payments.map((p) => p.details.withholdCents)).toEqual([500_000, 300_000, 200_000]);
    expect(payments.map((p) => p.details.earnedBackCents)).toEqual([375_000, 300_000, 0]);
    // A: 100,000,000 - 500,000 + 375,000 = 99,875,000
    expect(payments[0]?.lines).toEqual([
      { kind: 'capitation', amountCents: 100_000_000 },
      { kind: 'withhold', amountCents: -500_000 },
      { kind: 'withhold-returned', amountCents: 375_000 },
    ]);
    expect(payments[0]?.totalCents).toBe(99_875_000);
  });

  it('settlement-only lines leave out the capitation', () => {
    const { payments } = computeWithholdEarnBack(params({ measures, includeCapitation: false }), entities, {
      explain: false,
    });
    expect(payments[1]?.lines).toEqual([{ kind: 'withhold-returned', amountCents: 300_000 }]);
    expect(payments[1]?.totalCents).toBe(300_000);
  });

  it('pays the unearned pool to eligible plans pro rata to capitation', () => {
    // pool = (500,000 - 375,000) + 0 + (200,000 - 0) = 325,000; eligible A and B (disparity met)
    // by capitation 100M : 60M = 5 : 3 -> A 203,125, B 121,875
    const { payments, issues } = computeWithholdEarnBack(
      params({ measures, incentivePool: { eligibleMeasures: ['disparity'] } }),
      entities,
      { explain: true },
    );
    expect(issues).toEqual([]);
    expect(payments.map((p) => p.details.incentiveCents)).toEqual([203_125, 121_875, 0]);
    // A: 100,000,000 - 500,000 + 375,000 + 203,125 = 100,078,125 (under 105,000,000)
    expect(payments[0]?.totalCents).toBe(100_078_125);
    expect(payments[0]?.trace?.map((t) => t.rule)).toEqual([
      'withhold',
      'earn back (weighted-met)',
      'incentive pool',
    ]);
  });

  it('keeps every plan within the capitation cap and passes the excess on', () => {
    // capRate 1.01, distribute equally. Pool: Y earns nothing back -> 500,000.
    // X: cap 100,000, withhold 500 earned back; limit floor(101,000) -> headroom 101,000 - 100,000 = 1,000
    // Z: cap 100,000,000, withhold 500,000 earned back; headroom 1,000,000
    // round 1: 250,000 each; X takes 1,000; round 2: Z takes the other 249,000 -> Z 499,000
    const { payments, issues } = computeWithholdEarnBack(
      params({ capRate: '1.01', incentivePool: { eligibleMeasures: ['d'], distribute: 'equal' } }),
      [
        plan('X', 100_000, { q: m(true), d: m(true) }),
        plan('Y', 100_000_000, { q: m(false), d: m(false) }),
        plan('Z', 100_000_000, { q: m(true), d: m(true) }),
      ],
      { explain: false },
    );
    expect(issues).toEqual([]);
    expect(payments.map((p) => p.details.incentiveCents)).toEqual([1_000, 0, 499_000]);
    expect(payments[0]?.totalCents).toBe(101_000);
  });

  it('reports pool money nobody can take', () => {
    // only X eligible, headroom 1,000 of a 500,000 pool -> 499,000 unallocated
    const { payments, issues } = computeWithholdEarnBack(
      params({ capRate: '1.01', incentivePool: { eligibleMeasures: ['d'] } }),
      [plan('X', 100_000, { q: m(true), d: m(true) }), plan('Y', 100_000_000, { q: m(false), d: m(false) })],
      { explain: false },
    );
    expect(payments[0]?.details.incentiveCents).toBe(1_000);
    expect(issues).toEqual([expect.objectContaining({ entityId: '*', code: 'pool-unallocated' })]);
    expect(issues[0]?.message).toContain('499000 cents');
  });
});
