import { z } from 'zod';
import { applyRate } from '../money/cents.ts';
import { NonNegativeDecimalSchema } from '../money/decimal.ts';
import { toNumber } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { DirectionSchema } from '../targets/target-spec.ts';
import { isBelowFloor } from './below-floor.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import type { Payment, PaymentIssue, PaymentMethod } from './payment.ts';

/**
 * DHCS community reinvestment: a plan with net income must reinvest 7.5-15% of it in its
 * community. Required = round(net income x rate), where the rate is `rateFloorsMet` (7.5%) when
 * every counted measure is at or beyond its floor (the MPL) and `rateBelowFloor` (15%) when any is
 * below; nothing when net income is 0 or less. An obligation, not money paid: no lines (total 0);
 * the amount is in details.reinvestmentRequiredCents. Floors and directions work as in `sanctions`
 * (floor from `floors`, else the outcome's floor; measures not scored count as meeting it unless
 * `unscoredIsBelow`). A payee without a net income gets the issue 'missing-attribute' and no payment.
 */
export const CommunityReinvestmentParamsSchema = z.object({
  method: z.literal('community-reinvestment'),
  netIncomeAttribute: z.string().default('netIncomeCents'),
  rateFloorsMet: NonNegativeDecimalSchema.default('0.075'),
  rateBelowFloor: NonNegativeDecimalSchema.default('0.15'),
  /** Measures whose floors decide the rate; default every measure with a floor. */
  measures: z.array(z.string()).optional(),
  floors: z.record(z.string(), z.number()).default({}),
  directions: z.record(z.string(), DirectionSchema).default({}),
  unscoredIsBelow: z.boolean().default(false),
  rounding: RoundingModeSchema.default('half-up'),
});
export type CommunityReinvestmentParams = z.output<typeof CommunityReinvestmentParamsSchema>;

export const computeCommunityReinvestment: PaymentMethod<CommunityReinvestmentParams> = (
  params,
  entities,
  opts,
) => {
  const issues: PaymentIssue[] = [];
  const payments: Payment[] = [];
  for (const e of entities) {
    const income = readDecimalAttribute(e, params.netIncomeAttribute, issues, { integer: true });
    if (!income) continue;
    const netIncomeCents = toNumber(income);
    const below: string[] = [];
    for (const key of (params.measures ?? Object.keys(e.measures)).slice().sort()) {
      const m = e.measures[key];
      const floor = params.floors[key] ?? m?.floor ?? null;
      if (floor === null) continue;
      if (isBelowFloor(m, floor, params.directions[key] ?? 'higher', params.unscoredIsBelow)) below.push(key);
    }
    const rate = below.length > 0 ? params.rateBelowFloor : params.rateFloorsMet;
    const required = netIncomeCents > 0 ? applyRate(netIncomeCents, rate, params.rounding) : 0;
    const p: Payment = {
      entityId: e.entityId,
      totalCents: 0,
      lines: [],
      details: {
        netIncomeCents,
        measuresBelowFloor: below,
        reinvestmentRate: rate,
        reinvestmentRequiredCents: required,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'reinvestment rate',
          inputs: {
            measuresBelowFloor: below,
            rateFloorsMet: params.rateFloorsMet,
            rateBelowFloor: params.rateBelowFloor,
          },
          formula: 'rateBelowFloor when any measure is below its floor, else rateFloorsMet',
          value: rate,
        },
        {
          rule: 'reinvestment required',
          inputs: { netIncomeCents, rate },
          formula: 'net income x rate when net income > 0, else 0',
          value: required,
        },
      ];
    }
    payments.push(p);
  }
  return { payments, issues };
};
