import { z } from 'zod';
import { roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal, toRational } from '../money/decimal.ts';
import { mul, type Rational, sub, toNumber, ZERO } from '../money/rational.ts';
import { type RoundingMode, RoundingModeSchema } from '../money/rounding-mode.ts';
import {
  roundSmall,
  SMALL_ZERO,
  type SmallRational,
  smallFromRational,
  toSmallRational,
} from '../money/small-rational.ts';
import { EarningSchema, earnedFraction, earnedFractionSmall } from './earned-fraction.ts';
import { readNumericAttribute } from './entity-attribute.ts';
import type { Payment, PaymentIssue, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

/**
 * DDS QIP rate reform: the full rate per unit = base rate (90%) + quality incentive rate (10%).
 * Per unit, incentive rate = round(rate x incentiveShare) and base rate = rate - incentive rate, so
 * the two always add up to the rate ($50.00 -> $45.00 + $5.00). For the period:
 * base = round(units x base rate); potential = round(units x incentive rate);
 * earned incentive = round(potential x earned fraction). Rounding (default half-up) applies to each.
 */
export const RateIncentiveParamsSchema = z.object({
  method: z.literal('rate-incentive'),
  incentiveShare: NonNegativeDecimalSchema.default('0.1'),
  earning: EarningSchema.default('weighted-met'),
  /** Measures that count toward earning; default every measure of the entity. */
  measures: z.array(z.string()).optional(),
  unitsAttribute: z.string().default('units'),
  rateAttribute: z.string().default('rateCents'),
  rounding: RoundingModeSchema.default('half-up'),
});
export type RateIncentiveParams = z.output<typeof RateIncentiveParamsSchema>;

/** The amounts of one payee's payment, from either arithmetic path. */
interface RateAmounts {
  units: number;
  rate: number;
  incentiveRate: number;
  baseRate: number;
  base: number;
  potential: number;
  /** The earned fraction as the nearest double (for details and the trace). */
  fraction: number;
  earned: number;
}

/** The amounts on exact bigint rationals: the reference every fast path must match. */
function exactAmounts(
  units: Rational,
  rate: Rational,
  share: Rational,
  fraction: Rational,
  rounding: RoundingMode,
): RateAmounts {
  const incentiveRate = roundToCents(mul(rate, share), rounding);
  const potential = roundToCents(mul(units, { n: BigInt(incentiveRate), d: 1n }), rounding);
  return {
    units: toNumber(units),
    rate: toNumber(rate),
    incentiveRate,
    baseRate: toNumber(rate) - incentiveRate,
    base: roundToCents(mul(units, sub(rate, { n: BigInt(incentiveRate), d: 1n })), rounding),
    potential,
    fraction: toNumber(fraction),
    earned: roundToCents(mul({ n: BigInt(potential), d: 1n }, fraction), rounding),
  };
}

/**
 * The same amounts on plain numbers, exact while every product is a safe integer (roundSmall
 * refuses an overflowed product); undefined otherwise. A SmallRational's n / d is the nearest
 * double to its value, as `toNumber` of the same value in lowest terms is.
 */
function smallAmounts(
  units: SmallRational,
  rate: number,
  share: SmallRational,
  fraction: SmallRational,
  rounding: RoundingMode,
): RateAmounts | undefined {
  const incentiveRate = roundSmall(rate * share.n, share.d, rounding);
  if (incentiveRate === undefined) return undefined;
  const baseRate = rate - incentiveRate;
  const base = roundSmall(units.n * baseRate, units.d, rounding);
  const potential = roundSmall(units.n * incentiveRate, units.d, rounding);
  if (base === undefined || potential === undefined) return undefined;
  const earned = roundSmall(potential * fraction.n, fraction.d, rounding);
  if (earned === undefined) return undefined;
  return {
    units: units.n / units.d,
    rate,
    incentiveRate,
    baseRate,
    base,
    potential,
    fraction: fraction.n / fraction.d,
    earned,
  };
}

export const computeRateIncentive: PaymentMethod<RateIncentiveParams> = (params, entities, opts) => {
  const share = parseDecimal(params.incentiveShare);
  const smallShare = opts.exactArithmetic ? undefined : smallFromRational(share);
  const issues: PaymentIssue[] = [];
  const payments: Payment[] = [];
  for (const e of entities) {
    const units = readNumericAttribute(e, params.unitsAttribute, issues, { min: 0 });
    const rate = readNumericAttribute(e, params.rateAttribute, issues, { integer: true, min: 0 });
    if (units === null || rate === null) continue;
    // Plain numbers first (the rate is a safe integer already); bigint rationals when they do not fit.
    let amounts: RateAmounts | undefined;
    let nothingScored = false;
    if (smallShare) {
      const fraction = earnedFractionSmall(e, params.earning, params.measures);
      const smallUnits = fraction === undefined ? undefined : toSmallRational(units);
      if (fraction !== undefined && smallUnits !== undefined) {
        nothingScored = fraction === null;
        const f = fraction ?? SMALL_ZERO;
        amounts = smallAmounts(smallUnits, Number(rate), smallShare, f, params.rounding);
      }
    }
    if (!amounts) {
      const fraction = earnedFraction(e, params.earning, params.measures);
      nothingScored = fraction === null;
      amounts = exactAmounts(toRational(units), toRational(rate), share, fraction ?? ZERO, params.rounding);
    }
    if (nothingScored)
      issues.push({
        entityId: e.entityId,
        code: 'nothing-scored',
        message: `no scored measure to earn the incentive with (${params.earning}); incentive earned is 0`,
      });
    const a = amounts;
    const lines = [
      { kind: 'base', amountCents: a.base },
      { kind: 'incentive', amountCents: a.earned },
    ];
    const p: Payment = {
      entityId: e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        units: a.units,
        rateCents: a.rate,
        baseRateCents: a.baseRate,
        incentiveRateCents: a.incentiveRate,
        baseCents: a.base,
        incentivePotentialCents: a.potential,
        earnedFraction: a.fraction,
        incentiveEarnedCents: a.earned,
        incentiveForgoneCents: a.potential - a.earned,
      },
    };
    if (opts.explain)
      p.trace = [
        {
          rule: 'rate split',
          inputs: { rateCents: a.rate, incentiveShare: params.incentiveShare },
          formula: 'incentiveRate = round(rate x incentiveShare); baseRate = rate - incentiveRate',
          value: { baseRateCents: a.baseRate, incentiveRateCents: a.incentiveRate },
        },
        {
          rule: 'period amounts',
          inputs: { units: a.units },
          formula: 'base = round(units x baseRate); potential = round(units x incentiveRate)',
          value: { baseCents: a.base, potentialCents: a.potential },
        },
        {
          rule: `earned fraction (${params.earning})`,
          formula: 'earned = round(potential x fraction)',
          inputs: { fraction: a.fraction },
          value: a.earned,
        },
      ];
    payments.push(p);
  }
  return { payments, issues };
};
