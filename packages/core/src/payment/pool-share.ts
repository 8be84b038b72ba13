import { z } from 'zod';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { dollarsToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, toRational } from '../money/decimal.ts';
import { mul, ONE, type Rational, toNumber } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import { entityScore, ScoreBasisSchema } from './entity-score.ts';
import type { Payment, PaymentIssue, PaymentMethod } from './payment.ts';

/**
 * Budget-neutral pool: the whole pool is paid out, pro rata to score x size (score = composite or
 * the sum of measure points; size = `sizeAttribute`, e.g. assigned members, or 1), by largest
 * remainder with ties to the smaller entityId. Entities not scored or below `minScore` get 0.
 * If no entity has a weight, nothing is paid (issue 'pool-unallocated'). Rounding (default 'down',
 * so a pool with fractions of a cent is never exceeded) turns the pool dollars into cents.
 */
export const PoolShareParamsSchema = z.object({
  method: z.literal('pool-share'),
  pool: NonNegativeDecimalSchema,
  score: ScoreBasisSchema.default('composite'),
  sizeAttribute: z.string().optional(),
  minScore: z.number().optional(),
  rounding: RoundingModeSchema.default('down'),
});
export type PoolShareParams = z.output<typeof PoolShareParamsSchema>;

export const computePoolShare: PaymentMethod<PoolShareParams> = (params, entities, opts) => {
  const issues: PaymentIssue[] = [];
  const poolCents = dollarsToCents(params.pool, params.rounding);
  const rows = entities.map((e) => {
    const score = entityScore(e, params.score);
    if (score === null)
      issues.push({ entityId: e.entityId, code: 'not-scored', message: 'no score; no share of the pool' });
    const size: Rational | null = params.sizeAttribute
      ? readDecimalAttribute(e, params.sizeAttribute, issues, { min: 0 })
      : ONE;
    const eligible =
      score !== null &&
      score > 0 &&
      size !== null &&
      (params.minScore === undefined || score >= params.minScore);
    const weight = eligible ? mul(toRational(score as number), size as Rational) : { n: 0n, d: 1n };
    return { e, score, size: size === null ? null : toNumber(size), weight };
  });
  const anyWeight = rows.some((r) => r.weight.n > 0n);
  let shares = rows.map(() => 0);
  if (anyWeight) {
    const order = rows.map((_, i) => i).sort((a, b) => cmpId(rows[a]?.e.entityId, rows[b]?.e.entityId));
    const parts = allocateLargestRemainder(
      poolCents,
      order.map((i) => (rows[i] as (typeof rows)[number]).weight),
    );
    shares = new Array(rows.length).fill(0);
    order.forEach((i, k) => {
      shares[i] = parts[k] as number;
    });
  } else if (poolCents > 0) {
    issues.push({
      entityId: '*',
      code: 'pool-unallocated',
      message: `no entity qualifies for the pool; ${poolCents} cents unpaid`,
    });
  }
  let totalWeight = 0;
  for (const r of rows) totalWeight += toNumber(r.weight);
  const payments = rows.map((r, i): Payment => {
    const amount = shares[i] as number;
    const p: Payment = {
      entityId: r.e.entityId,
      totalCents: amount,
      lines: [{ kind: 'pool-share', amountCents: amount }],
      details: {
        poolCents,
        score: r.score,
        size: r.size,
        weight: toNumber(r.weight),
        shareOfPool: totalWeight > 0 ? toNumber(r.weight) / totalWeight : 0,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'weight',
          inputs: { score: r.score, size: r.size, minScore: params.minScore ?? null },
          formula: 'score x size (0 when not scored or below minScore)',
          value: toNumber(r.weight),
        },
        {
          rule: 'share of the pool',
          inputs: { poolCents, totalWeight },
          formula: 'pool x weight / sum(weights), largest remainder',
          value: amount,
        },
      ];
    }
    return p;
  });
  return { payments, issues };
};

function cmpId(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}
