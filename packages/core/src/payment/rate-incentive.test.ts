import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityOutcome, measureOutcome, methodParams } from '../testing/measure-outcome.ts';
import type { ComputeOptions, EntityOutcome, MeasureOutcome } from './payment.ts';
import { computeRateIncentive, type RateIncentiveParams } from './rate-incentive.ts';

const params = methodParams<RateIncentiveParams>('rate-incentive');
const m = measureOutcome;
const provider = (units: unknown, rateCents: unknown, measures: Record<string, MeasureOutcome>) =>
  entityOutcome('v1', { units, rateCents }, measures);

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

describe('rate-incentive: the number fast path pays what the bigint path pays', () => {
  const exact = { explain: true, exactArithmetic: true };
  const fast = { explain: true };
  /** The whole answer, or the error code when the run throws (an amount beyond 2^53 cents). */
  const outcome = (p: RateIncentiveParams, es: EntityOutcome[], o: ComputeOptions) => {
    try {
      return computeRateIncentive(p, es, o);
    } catch (error) {
      return { threw: (error as { code?: string }).code ?? String(error) };
    }
  };

  it('falls back to bigints where a product passes 2^53 and still pays to the cent', () => {
    // units 10,000,000,001 x incentive rate 500 = potential 5,000,000,000,500 cents;
    // weights 0.1234567 (met) and 0.0765433 (not met): fraction = 0.1234567 / 0.2 = 1234567 / 2000000;
    // potential x 1234567 is about 6.2e18 > 2^53, so the fast path hands over to bigints:
    // earned = 5,000,000,000,500 / 2,000,000 x 1234567 = 2,500,000.00025 x 1234567
    //        = 3,086,417,500,000 + 308.64175 -> 3,086,417,500,309 (half-up)
    // base = 10,000,000,001 x 4500 = 45,000,000,004,500
    const e = provider(10_000_000_001, 5000, { a: m(true, 0.1234567), b: m(false, 0.0765433) });
    for (const o of [fast, exact]) {
      const { payments } = computeRateIncentive(params(), [e], o);
      expect(payments[0]?.details).toMatchObject({
        baseCents: 45_000_000_004_500,
        incentivePotentialCents: 5_000_000_000_500,
        incentiveEarnedCents: 3_086_417_500_309,
      });
    }
  });

  it('does not lose a tiny fractional weight in a double sum', () => {
    // weights 8 (met), 6e-265 and 776 (not met): the fraction is 8 / (784 + 6e-265), not 8 / 784.
    // As doubles 784 + 6e-265 === 784, so summing weights as doubles would report 1/98's double
    // (found by the property test below); the weight is not a whole number, so the exact path runs.
    const e = provider(0.5, 0, { e: m(true, 8), a: m(false, 6e-265), b: m(false, 776) });
    const fraction = (o: ComputeOptions) =>
      computeRateIncentive(params(), [e], o).payments[0]?.details.earnedFraction;
    expect(fraction(fast)).toBe(fraction(exact));
    expect(fraction(exact)).not.toBe(8 / 784);
  });

  it('gives identical payments, details, traces and issues over wide inputs', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const decimal = (maxWhole: number, maxDecimals: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.nat(maxDecimals)).map(([n, k]) => n / 10 ** k);
    // Usual values (weight 4) that the fast path takes, and edges (weight 1) where products
    // come near or pass 2^53 and the bigint path takes over.
    const usual = <T>(a: fc.Arbitrary<T>) => ({ arbitrary: a, weight: 4 });
    const units = fc.oneof(
      usual(fc.integer({ min: 0, max: 10_000 })),
      usual(decimal(10 ** 7, 4)),
      usual(decimal(10 ** 7, 3).map(String)), // CSV uploads give strings
      fc.constantFrom(0.5, 120.5, 2.25, '7.125', ' 12 '),
      fc.integer({ min: 2 ** 30, max: 2 ** 42 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const rate = fc.oneof(
      usual(fc.integer({ min: 0, max: 20_000 })),
      fc.integer({ min: 0, max: MAX }),
      fc.integer({ min: 2 ** 20, max: 2 ** 30 }).map(String),
    );
    const share = fc.oneof(
      usual(fc.constantFrom('0.1', '0.15', '0.005', '1', '0', '0.125', '2.5')),
      fc.tuple(fc.nat(3), fc.stringMatching(/^\d{1,12}$/)).map(([w, f]) => `${w}.${f}`), // up to 12 decimals: 10^12 x rate passes 2^53
    );
    const weight = fc.oneof(
      usual(fc.integer({ min: 0, max: 10 })),
      usual(decimal(1000, 3)),
      decimal(10 ** 8, 7),
      fc.integer({ min: 2 ** 50, max: MAX }), // sums of these pass 2^53
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    const measure = fc
      .tuple(fc.option(fc.boolean(), { nil: null }), fc.boolean(), weight)
      .map(([met, scored, w]) => ({ ...m(met, w), scored: scored && met !== null }));
    const entity = fc
      .tuple(
        units,
        rate,
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), measure, { maxKeys: 6 }),
        fc.option(fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), decimal(1, 6)), { nil: null }),
      )
      .map(([u, r, ms, composite]): EntityOutcome => ({ ...provider(u, r, ms), composite }));
    const run = fc.record({
      incentiveShare: share,
      earning: fc.constantFrom('all-met', 'share-met', 'weighted-met', 'composite'),
      rounding: fc.constantFrom('half-up', 'half-even', 'down', 'up', 'floor', 'ceiling'),
      measures: fc.option(fc.subarray(['a', 'b', 'c', 'x']), { nil: undefined }),
    });
    fc.assert(
      fc.property(run, fc.array(entity, { minLength: 1, maxLength: 8 }), (json, es) => {
        const p = params(json.measures === undefined ? { ...json, measures: undefined } : json);
        expect(outcome(p, es, fast)).toEqual(outcome(p, es, exact));
      }),
      { numRuns: 3000 },
    );
  });
});
