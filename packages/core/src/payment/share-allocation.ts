import { z } from 'zod';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal, toRational } from '../money/decimal.ts';
import {
  add,
  compare,
  div,
  mul,
  ONE,
  type Rational,
  rational,
  sub,
  toNumber,
  ZERO,
} from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { entityScore, ScoreBasisSchema } from './entity-score.ts';
import type { EntityOutcome, Payment, PaymentIssue, PaymentLine, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

/**
 * DHCS auto-assignment incentive: in each group (county), an integer quantity (members who did not
 * choose a plan) is split among the group's entities by largest remainder. Entity i's weight is
 * baseShare / n + (1 - baseShare) * score_i / sum(score): `baseShare` of the quantity is split
 * evenly and the rest by performance (score = composite or the sum of measure points; entities
 * below `minScore` or not scored count as 0). Groups with fewer than `minEntities` (2) entities
 * have no performance split: their entities share the quantity evenly. A group whose scores are
 * all zero is split evenly too (issue 'no-scores-in-group').
 * Output: one 'assignment' line per entity with the quantity; amountCents = round(quantity x
 * centsPerUnit) (rounding default half-up), or the quantity itself when `unit` is 'cents'.
 */
export const ShareAllocationParamsSchema = z.object({
  method: z.literal('share-allocation'),
  groupAttribute: z.string().default('county'),
  /** Quantity per group value; groups not listed read `quantityAttribute` from their entities. */
  quantities: z.record(z.string(), z.number().int().nonnegative()).default({}),
  quantityAttribute: z.string().optional(),
  score: ScoreBasisSchema.default('composite'),
  // A share of the quantity: at most all of it (above 1 the quality part would be negative).
  baseShare: NonNegativeDecimalSchema.refine(
    (v) => compare(parseDecimal(v), ONE) <= 0,
    'baseShare is at most 1',
  ).default('0'),
  minScore: z.number().optional(),
  minEntities: z.number().int().min(1).default(2),
  unit: z.enum(['members', 'cents']).default('members'),
  centsPerUnit: NonNegativeDecimalSchema.default('0'),
  rounding: RoundingModeSchema.default('half-up'),
});
export type ShareAllocationParams = z.output<typeof ShareAllocationParamsSchema>;

export const computeShareAllocation: PaymentMethod<ShareAllocationParams> = (params, entities, opts) => {
  const issues: PaymentIssue[] = [];
  const baseShare = parseDecimal(params.baseShare);
  const perUnit = parseDecimal(params.centsPerUnit);
  const groups = new Map<string, EntityOutcome[]>();
  for (const e of entities) {
    const g = e.attributes[params.groupAttribute];
    if (g === undefined || g === null || g === '') {
      issues.push({
        entityId: e.entityId,
        code: 'missing-attribute',
        message: `no '${params.groupAttribute}' to group by`,
      });
      continue;
    }
    const key = String(g);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  for (const key of Object.keys(params.quantities)) {
    if (!groups.has(key) && (params.quantities[key] ?? 0) > 0) {
      issues.push({
        entityId: '*',
        code: 'group-without-entities',
        message: `group '${key}' has a quantity but no entities`,
      });
    }
  }
  const payments: Payment[] = [];
  for (const [group, members] of groups) {
    // Ties in the largest remainder go to the smaller entityId, whatever order the entities came in.
    members.sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
    const quantity = groupQuantity(params, group, members, issues);
    if (quantity === null) continue;
    const n = members.length;
    const scores = members.map((e) => {
      const s = entityScore(e, params.score);
      if (s === null)
        issues.push({ entityId: e.entityId, code: 'not-scored', message: 'no score; counts as 0' });
      return s === null || s < 0 || (params.minScore !== undefined && s < params.minScore) ? 0 : s;
    });
    const performance = n >= params.minEntities;
    const scoreQ = scores.map((s) => toRational(s));
    const total = scoreQ.reduce(add, ZERO);
    if (performance && total.n === 0n) {
      issues.push({
        entityId: '*',
        code: 'no-scores-in-group',
        message: `group '${group}': no entity has a score; split evenly`,
      });
    }
    const even = rational(1n, BigInt(n));
    const weights: Rational[] =
      !performance || total.n === 0n
        ? members.map(() => ONE)
        : scoreQ.map((s) => add(mul(baseShare, even), mul(sub(ONE, baseShare), div(s, total))));
    const parts = allocateLargestRemainder(quantity, weights);
    members.forEach((e, i) => {
      const q = parts[i] as number;
      const amount =
        params.unit === 'cents' ? q : roundToCents(mul({ n: BigInt(q), d: 1n }, perUnit), params.rounding);
      const line: PaymentLine =
        params.unit === 'cents'
          ? { kind: 'assignment', group, amountCents: amount }
          : { kind: 'assignment', group, quantity: q, amountCents: amount };
      const lines = [line];
      const p: Payment = {
        entityId: e.entityId,
        totalCents: sumLines(lines),
        lines,
        details: {
          group,
          groupQuantity: quantity,
          entitiesInGroup: n,
          performanceBased: performance && total.n !== 0n,
          score: scores[i],
          share: toNumber(weights[i] as Rational) / (performance && total.n !== 0n ? 1 : n),
          allocated: q,
        },
      };
      if (opts.explain) {
        p.trace = [
          {
            rule: 'share',
            inputs: {
              score: scores[i],
              groupScoreTotal: toNumber(total),
              baseShare: params.baseShare,
              entitiesInGroup: n,
            },
            formula: performance
              ? 'baseShare / n + (1 - baseShare) x score / sum(scores)'
              : `fewer than ${params.minEntities} entities: even split`,
            value: p.details.share,
          },
          {
            rule: 'allocation',
            inputs: { groupQuantity: quantity },
            formula: 'largest remainder over the group, ties to the smaller entityId',
            value: q,
          },
        ];
      }
      payments.push(p);
    });
  }
  return { payments, issues };
};

function groupQuantity(
  params: ShareAllocationParams,
  group: string,
  members: EntityOutcome[],
  issues: PaymentIssue[],
): number | null {
  const listed = params.quantities[group];
  if (listed !== undefined) return listed;
  const attr = params.quantityAttribute;
  const values = new Set(attr ? members.map((e) => e.attributes[attr]) : []);
  const [only] = values;
  if (attr && values.size === 1 && typeof only === 'number' && Number.isSafeInteger(only) && only >= 0)
    return only;
  issues.push({
    entityId: '*',
    code: 'group-quantity-missing',
    message: `group '${group}': no quantity in the rulebook${attr ? ` and no single whole '${attr}' on its entities` : ''}; nothing allocated`,
  });
  return null;
}
