import { describe, expect, it } from 'vitest';
import { entityOutcome, flooredOutcome, methodParams } from '../testing/measure-outcome.ts';
import { type CommunityReinvestmentParams, computeCommunityReinvestment } from './community-reinvestment.ts';
import type { EntityOutcome, MeasureOutcome } from './payment.ts';

const params = methodParams<CommunityReinvestmentParams>('community-reinvestment');
const m = flooredOutcome;
const plan = (entityId: string, netIncomeCents: unknown, measures: Record<string, MeasureOutcome>) =>
  entityOutcome(entityId, { netIncomeCents }, measures);
const required = (e: EntityOutcome, p = params()) =>
  computeCommunityReinvestment(p, [e], { explain: false }).payments[0]?.details.reinvestmentRequiredCents;

describe('community-reinvestment (MCAS, 7.5-15% of net income)', () => {
  it('asks 7.5% when every floor is met', () => {
    // $10,000,000.00 net income x 0.075 = 75,000,000 cents ($750,000.00)
    const p = computeCommunityReinvestment(params(), [plan('a', 1_000_000_000, { x: m(0.6, 0.5) })], {
      explain: true,
    });
    expect(p.payments[0]).toMatchObject({
      totalCents: 0,
      lines: [],
      details: {
        netIncomeCents: 1_000_000_000,
        measuresBelowFloor: [],
        reinvestmentRate: '0.075',
        reinvestmentRequiredCents: 75_000_000,
      },
    });
    expect(p.payments[0]?.trace).toHaveLength(2);
  });

  it('asks 15% when any measure is below its floor, lower-is-better read from directions', () => {
    // y (lower is better) 0.35 > floor 0.30: below -> 1,000,000,000 x 0.15 = 150,000,000
    const e = plan('a', 1_000_000_000, { x: m(0.6, 0.5), y: m(0.35, 0.3) });
    expect(required(e, params({ directions: { y: 'lower' } }))).toBe(150_000_000);
    // read as higher-is-better, 0.35 >= 0.30 meets it: 7.5%
    expect(required(e)).toBe(75_000_000);
  });

  it('rounds half-up to the cent and asks nothing of a loss', () => {
    // 12,345 cents x 0.075 = 925.875 -> 926; 333 x 0.15 = 49.95 -> 50
    expect(required(plan('a', 12_345, {}))).toBe(926);
    expect(required(plan('a', 333, { x: m(0.1, 0.5) }))).toBe(50);
    expect(required(plan('a', -25_000_000, { x: m(0.1, 0.5) }))).toBe(0);
    expect(required(plan('a', 0, {}))).toBe(0);
  });

  it('skips measures not scored unless told to count them as below', () => {
    const e = plan('a', 100, { x: m(null, 0.5) });
    expect(required(e)).toBe(8); // 100 x 0.075 = 7.5 -> 8
    expect(required(e, params({ unscoredIsBelow: true }))).toBe(15);
  });

  it('reports a missing net income instead of asking zero', () => {
    const run = computeCommunityReinvestment(params(), [plan('a', undefined, {})], { explain: false });
    expect(run.payments).toEqual([]);
    expect(run.issues).toEqual([expect.objectContaining({ entityId: 'a', code: 'missing-attribute' })]);
  });
});
