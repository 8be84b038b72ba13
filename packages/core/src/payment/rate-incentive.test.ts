import { describe, expect, it } from 'vitest';
import type { EntityOutcome, MeasureOutcome } from './payment.ts';
import { PaymentParamsSchema } from './payment-params.ts';
import { computeRateIncentive, type RateIncentiveParams } from './rate-incentive.ts';

const params = (json: Record<string, unknown> = {}) =>
  PaymentParamsSchema.parse({ method: 'rate-incentive', ...json }) as RateIncentiveParams;
const m = (met: boolean | null, weight = 1): MeasureOutcome => ({
  scored: met !== null,
  met,
  value: null,
  points: null,
  maxPoints: null,
  weight,
});
const provider = (
  units: unknown,
  rateCents: unknown,
  measures: Record<string, MeasureOutcome>,
): EntityOutcome => ({
  entityId: 'v1',
  attributes: { units, rateCents },
  measures,
  composite: null,
});

describe('rate-incentive (DDS QIP)', () => {
  it('splits $50.00 into $45.00 base + $5.00 incentive when every measure is met', () => {
    // incentive rate = 5000 x 0.1 = 500; base rate = 5000 - 500 = 4500
    const { payments } = computeRateIncentive(params(), [provider(1, 5000, { a: m(true), b: m(true) })], {
      explain: false,
    });
    expect(payments[0]?.lines).toEqual([
      { kind: 'base', amountCents: 4500 },
      { kind: 'incentive', amountCents: 500 },
    ]);
    expect(payments[0]?.totalCents).toBe(5000);
  });

  it('earns the weighted share of met measures over fractional units', () => {
    // 120.5 units: base = 120.5 x 4500 = 542,250; potential = 120.5 x 500 = 60,250
    // weighted-met: a (weight 3) met, b (weight 1) not, c not scored -> 3/4 -> 45,187.5 -> 45,188 half-up
    const e = provider(120.5, 5000, { a: m(true, 3), b: m(false, 1), c: m(null, 5) });
    const { payments } = computeRateIncentive(params(), [e], { explain: false });
    expect(payments[0]?.details).toMatchObject({
      baseCents: 542_250,
      incentivePotentialCents: 60_250,
      incentiveEarnedCents: 45_188,
      incentiveForgoneCents: 15_062,
    });
    expect(payments[0]?.totalCents).toBe(542_250 + 45_188);
    // rounding down instead: 45,187
    const down = computeRateIncentive(params({ rounding: 'down' }), [e], { explain: false });
    expect(down.payments[0]?.details.incentiveEarnedCents).toBe(45_187);
  });

  it('rounds the per-unit split so base + incentive rate is the rate', () => {
    // 4999 x 0.1 = 499.9 -> 500; base rate 4499; share-met 1 of 3 -> 500 / 3 = 166.67 -> 167
    const e = provider('1', '4999', { a: m(true), b: m(false), c: m(false) });
    const { payments } = computeRateIncentive(params({ earning: 'share-met' }), [e], { explain: true });
    expect(payments[0]?.details).toMatchObject({
      baseRateCents: 4499,
      incentiveRateCents: 500,
      incentiveEarnedCents: 167,
    });
    expect(payments[0]?.trace).toHaveLength(3);
  });

  it('all-met earns nothing when one measure is missed; nothing scored is an issue', () => {
    const missed = computeRateIncentive(
      params({ earning: 'all-met' }),
      [provider(2, 5000, { a: m(true), b: m(false) })],
      {
        explain: false,
      },
    );
    expect(missed.payments[0]?.lines[1]?.amountCents).toBe(0);
    const none = computeRateIncentive(params(), [provider(2, 5000, { a: m(null) })], { explain: false });
    expect(none.payments[0]?.totalCents).toBe(9000); // base only: 2 x 4500
    expect(none.issues.map((i) => i.code)).toEqual(['nothing-scored']);
    const bad = computeRateIncentive(params(), [provider(undefined, 5000, {})], { explain: false });
    expect(bad.payments).toEqual([]);
    expect(bad.issues[0]?.code).toBe('missing-attribute');
  });
});
