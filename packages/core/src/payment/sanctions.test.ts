import { describe, expect, it } from 'vitest';
import { flooredOutcome, methodParams } from '../testing/measure-outcome.ts';
import type { EntityOutcome } from './payment.ts';
import { computeSanctions, type SanctionsParams } from './sanctions.ts';

const params = methodParams<SanctionsParams>('sanctions');
const m = flooredOutcome;
// MCAS: m1 0.45 below its MPL 0.50; m2 0.70 above 0.60; m3 (lower is better) 0.35 above its 0.30 floor;
// m4 not scored.
const plan: EntityOutcome = {
  entityId: 'plan',
  attributes: { enrolledMembers: 12_345 },
  measures: { m1: m(0.45, 0.5), m2: m(0.7, 0.6), m3: m(0.35, 0.3), m4: m(null, 0.4) },
  composite: null,
};
const directions = { m3: 'lower' };

describe('sanctions (MCAS below the MPL)', () => {
  it('charges a fixed amount per measure below the floor', () => {
    // m1 and m3 below: 2 x $25,000 = -$50,000
    const { payments } = computeSanctions(
      params({ directions, amount: { kind: 'per-measure', amount: '25000.00' } }),
      [plan],
      {
        explain: false,
      },
    );
    expect(payments[0]?.lines).toEqual([
      { kind: 'sanction', measure: 'm1', value: 0.45, floor: 0.5, amountCents: -2_500_000 },
      { kind: 'sanction', measure: 'm3', value: 0.35, floor: 0.3, amountCents: -2_500_000 },
    ]);
    expect(payments[0]?.totalCents).toBe(-5_000_000);
  });

  it('escalates by tier and caps the total', () => {
    // unscored m4 counts too: m1, m3, m4 -> $5,000 + $10,000 + $10,000 (last tier repeats) = $25,000
    const p = params({
      directions,
      unscoredIsBelow: true,
      amount: { kind: 'tiered', tiers: ['5000.00', '10000.00'] },
    });
    expect(computeSanctions(p, [plan], { explain: false }).payments[0]?.totalCents).toBe(-2_500_000);
    // capped at $7,500: a +$17,500 cap line -> total -$7,500
    const capped = computeSanctions({ ...p, maxAmount: '7500.00' }, [plan], { explain: true }).payments[0];
    expect(capped?.lines.at(-1)).toEqual({ kind: 'sanction-cap', amountCents: 1_750_000 });
    expect(capped?.totalCents).toBe(-750_000);
    expect(capped?.trace).toHaveLength(2);
  });

  it('charges per member, with floors from the rulebook', () => {
    // floors override: m2 floor 0.75 -> m2 (0.70) below too; m1 uses its own 0.50.
    // $0.10 x 12,345 members = $1,234.50 = 123,450 cents per measure; m1, m2, m3 -> -370,350
    const p = params({ directions, floors: { m2: 0.75 }, amount: { kind: 'per-member', rate: '0.10' } });
    const { payments } = computeSanctions(p, [plan], { explain: false });
    expect(payments[0]?.details.measuresBelowFloor).toEqual(['m1', 'm2', 'm3']);
    expect(payments[0]?.totalCents).toBe(-370_350);
  });

  it('reports a listed measure without a floor', () => {
    const noFloor = { ...plan, measures: { x: m(0.1) } };
    const r = computeSanctions(
      params({ measures: ['x'], amount: { kind: 'per-measure', amount: '1.00' } }),
      [noFloor],
      {
        explain: false,
      },
    );
    expect(r.payments[0]?.totalCents).toBe(0);
    expect(r.issues.map((i) => i.code)).toEqual(['missing-floor']);
  });
});
