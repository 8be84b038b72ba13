import { z } from 'zod';
import { roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal } from '../money/decimal.ts';
import { mul, sub, toNumber } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { EarningSchema, earnedFraction } from './earned-fraction.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import type {
  ComputeOptions,
  EntityOutcome,
  Payment,
  PaymentIssue,
  PaymentRun,
  TraceStep,
} from './payment.ts';
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

export function computeRateIncentive(
  params: RateIncentiveParams,
  entities: readonly EntityOutcome[],
  opts: ComputeOptions,
): PaymentRun {
  const share = parseDecimal(params.incentiveShare);
  const issues: PaymentIssue[] = [];
  const payments: Payment[] = [];
  for (const e of entities) {
    const units = readDecimalAttribute(e, params.unitsAttribute, issues, { min: 0 });
    const rate = readDecimalAttribute(e, params.rateAttribute, issues, { integer: true, min: 0 });
    if (!units || !rate) continue;
    const trace: TraceStep[] | undefined = opts.explain ? [] : undefined;
    const incentiveRate = roundToCents(mul(rate, share), params.rounding);
    const baseRate = toNumber(rate) - incentiveRate;
    const base = roundToCents(mul(units, sub(rate, { n: BigInt(incentiveRate), d: 1n })), params.rounding);
    const potential = roundToCents(mul(units, { n: BigInt(incentiveRate), d: 1n }), params.rounding);
    let fraction = earnedFraction(e, params.earning, params.measures);
    if (fraction === null) {
      issues.push({
        entityId: e.entityId,
        code: 'nothing-scored',
        message: `no scored measure to earn the incentive with (${params.earning}); incentive earned is 0`,
      });
      fraction = { n: 0n, d: 1n };
    }
    const earned = roundToCents(mul({ n: BigInt(potential), d: 1n }, fraction), params.rounding);
    trace?.push(
      {
        rule: 'rate split',
        inputs: { rateCents: toNumber(rate), incentiveShare: params.incentiveShare },
        formula: 'incentiveRate = round(rate x incentiveShare); baseRate = rate - incentiveRate',
        value: { baseRateCents: baseRate, incentiveRateCents: incentiveRate },
      },
      {
        rule: 'period amounts',
        inputs: { units: toNumber(units) },
        formula: 'base = round(units x baseRate); potential = round(units x incentiveRate)',
        value: { baseCents: base, potentialCents: potential },
      },
      {
        rule: `earned fraction (${params.earning})`,
        formula: 'earned = round(potential x fraction)',
        inputs: { fraction: toNumber(fraction) },
        value: earned,
      },
    );
    const lines = [
      { kind: 'base', amountCents: base },
      { kind: 'incentive', amountCents: earned },
    ];
    const p: Payment = {
      entityId: e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        units: toNumber(units),
        rateCents: toNumber(rate),
        baseRateCents: baseRate,
        incentiveRateCents: incentiveRate,
        baseCents: base,
        incentivePotentialCents: potential,
        earnedFraction: toNumber(fraction),
        incentiveEarnedCents: earned,
        incentiveForgoneCents: potential - earned,
      },
    };
    if (trace) p.trace = trace;
    payments.push(p);
  }
  return { payments, issues };
}
