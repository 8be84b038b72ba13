import { z } from 'zod';
import { dollarsToCents, roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal } from '../money/decimal.ts';
import { mul, rational } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { DirectionSchema } from '../targets/target-spec.ts';
import { isBelowFloor } from './below-floor.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import type { Payment, PaymentIssue, PaymentLine, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

/** What one measure below the floor costs. */
export const SanctionAmountSchema = z.discriminatedUnion('kind', [
  /** The same amount for every measure below the floor. */
  z.object({ kind: z.literal('per-measure'), amount: NonNegativeDecimalSchema }),
  /** Escalating: the n-th measure below the floor (in measure key order) costs tiers[n-1]; the last tier repeats. */
  z.object({ kind: z.literal('tiered'), tiers: z.array(NonNegativeDecimalSchema).min(1) }),
  /** rate dollars x the entity's `attribute` (e.g. enrolled members) per measure below the floor. */
  z.object({
    kind: z.literal('per-member'),
    rate: NonNegativeDecimalSchema,
    attribute: z.string().default('enrolledMembers'),
  }),
]);

/**
 * DHCS MCAS sanctions: for each counted measure whose value is below its floor (the minimum
 * performance level, e.g. the national 50th percentile; above it for lower-is-better measures), a
 * negative 'sanction' line by the amount formula. The floor comes from `floors` or else from the
 * measure outcome's `floor`; a listed measure with neither is an issue. Measures not scored are not
 * sanctioned unless `unscoredIsBelow`. With `maxAmount`, a positive 'sanction-cap' line gives back
 * what exceeds it. Rounding (default half-up) turns amounts into cents.
 */
export const SanctionsParamsSchema = z.object({
  method: z.literal('sanctions'),
  /** Measures that can be sanctioned; default every measure with a floor. */
  measures: z.array(z.string()).optional(),
  floors: z.record(z.string(), z.number()).default({}),
  directions: z.record(z.string(), DirectionSchema).default({}),
  amount: SanctionAmountSchema,
  unscoredIsBelow: z.boolean().default(false),
  maxAmount: NonNegativeDecimalSchema.optional(),
  rounding: RoundingModeSchema.default('half-up'),
});
export type SanctionsParams = z.output<typeof SanctionsParamsSchema>;

export const computeSanctions: PaymentMethod<SanctionsParams> = (params, entities, opts) => {
  const issues: PaymentIssue[] = [];
  const amount = params.amount;
  const fixed = amount.kind === 'per-measure' ? dollarsToCents(amount.amount, params.rounding) : 0;
  const tiers = amount.kind === 'tiered' ? amount.tiers.map((t) => dollarsToCents(t, params.rounding)) : [];
  const perMemberRate = amount.kind === 'per-member' ? parseDecimal(amount.rate) : null;
  const maxCents = params.maxAmount === undefined ? null : dollarsToCents(params.maxAmount, params.rounding);
  const payments = entities.map((e): Payment => {
    const keys = (params.measures ?? Object.keys(e.measures)).slice().sort();
    const below: { measure: string; value: number | null; floor: number; direction: string }[] = [];
    for (const key of keys) {
      const m = e.measures[key];
      const floor = params.floors[key] ?? m?.floor ?? null;
      if (floor === null) {
        if (params.measures) {
          issues.push({
            entityId: e.entityId,
            code: 'missing-floor',
            message: `measure '${key}' has no floor; not sanctioned`,
          });
        }
        continue;
      }
      const direction = params.directions[key] ?? 'higher';
      if (isBelowFloor(m, floor, direction, params.unscoredIsBelow)) {
        below.push({ measure: key, value: m?.scored ? m.value : null, floor, direction });
      }
    }
    let perMeasure = fixed;
    if (perMemberRate && below.length > 0 && amount.kind === 'per-member') {
      const members = readDecimalAttribute(e, amount.attribute, issues, { min: 0 });
      perMeasure = members
        ? roundToCents(mul(mul(members, perMemberRate), rational(100n)), params.rounding)
        : 0;
    }
    const lines: PaymentLine[] = below.map((b, i) => ({
      kind: 'sanction',
      measure: b.measure,
      value: b.value,
      floor: b.floor,
      amountCents: -(amount.kind === 'tiered'
        ? (tiers[Math.min(i, tiers.length - 1)] as number)
        : perMeasure),
    }));
    const gross = -sumLines(lines);
    if (maxCents !== null && gross > maxCents)
      lines.push({ kind: 'sanction-cap', amountCents: gross - maxCents });
    const p: Payment = {
      entityId: e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        measuresBelowFloor: below.map((b) => b.measure),
        grossSanctionCents: gross,
        maxSanctionCents: maxCents,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'below floor',
          inputs: { measures: below },
          formula: 'value < floor (value > floor when lower is better)',
          value: below.length,
        },
        {
          rule: `sanction amount (${amount.kind})`,
          inputs: { measuresBelowFloor: below.length, maxSanctionCents: maxCents },
          formula:
            amount.kind === 'tiered'
              ? 'sum of tiers[n-1] for the n-th measure below the floor'
              : amount.kind === 'per-member'
                ? 'rate x members per measure below the floor'
                : 'amount per measure below the floor',
          value: p.totalCents,
        },
      ];
    }
    return p;
  });
  return { payments, issues };
};
