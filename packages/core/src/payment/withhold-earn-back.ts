import { z } from 'zod';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal } from '../money/decimal.ts';
import { mul, toNumber, ZERO } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { EarningSchema, earnedFraction } from './earned-fraction.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import type {
  EntityOutcome,
  Payment,
  PaymentIssue,
  PaymentLine,
  PaymentMethod,
  TraceStep,
} from './payment.ts';
import { sumLines } from './payment.ts';

/**
 * DHCS Quality Withhold and Incentive: withhold = round(capitation x withholdRate) (0.5%); the
 * entity earns back round(withhold x earned fraction). With `incentivePool`, the withhold nobody
 * earned back (summed over all entities) is paid out to eligible entities (e.g. those that met
 * the disparity-reduction measures), pro rata by capitation, equally or by composite, by largest
 * remainder. Federal rule (42 CFR 438.6(b)(2)): an entity's total, capitation - withhold +
 * earned back + incentive, never exceeds floor(capitation x capRate) (105%); pool money beyond an
 * entity's headroom goes to the other eligible entities, and what nobody can take stays unpaid
 * (reported as the issue 'pool-unallocated').
 * Lines: 'capitation' and 'withhold' (negative) when includeCapitation, then 'withhold-returned'
 * and 'incentive'. Rounding (default half-up) applies to the withhold and the earn-back; the cap
 * is always rounded down.
 */
export const WithholdEarnBackParamsSchema = z.object({
  method: z.literal('withhold-earn-back'),
  withholdRate: NonNegativeDecimalSchema.default('0.005'),
  capRate: NonNegativeDecimalSchema.default('1.05'),
  earning: EarningSchema.default('weighted-met'),
  measures: z.array(z.string()).optional(),
  capitationAttribute: z.string().default('capitationCents'),
  includeCapitation: z.boolean().default(true),
  incentivePool: z
    .object({
      /** Entities qualify when every one of these measures is met (empty = all entities qualify). */
      eligibleMeasures: z.array(z.string()).default([]),
      /** Entities qualify only with at least this composite score. */
      minComposite: z.number().optional(),
      distribute: z.enum(['capitation', 'equal', 'composite']).default('capitation'),
    })
    .optional(),
  rounding: RoundingModeSchema.default('half-up'),
});
export type WithholdEarnBackParams = z.output<typeof WithholdEarnBackParamsSchema>;

interface Row {
  e: EntityOutcome;
  cap: number;
  withhold: number;
  earned: number;
  fraction: number;
  limit: number;
  eligible: boolean;
  incentive: number;
  trace: TraceStep[] | undefined;
}

export const computeWithholdEarnBack: PaymentMethod<WithholdEarnBackParams> = (params, entities, opts) => {
  const rate = parseDecimal(params.withholdRate);
  const capRate = parseDecimal(params.capRate);
  const issues: PaymentIssue[] = [];
  const rows: Row[] = [];
  let pool = 0;
  for (const e of entities) {
    const capQ = readDecimalAttribute(e, params.capitationAttribute, issues, { integer: true, min: 0 });
    if (!capQ) continue;
    const cap = toNumber(capQ);
    const withhold = roundToCents(mul(capQ, rate), params.rounding);
    let fraction = earnedFraction(e, params.earning, params.measures);
    if (fraction === null) {
      issues.push({
        entityId: e.entityId,
        code: 'nothing-scored',
        message: `no scored measure to earn the withhold back with (${params.earning}); nothing is earned back`,
      });
      fraction = ZERO;
    }
    const earned = roundToCents(mul({ n: BigInt(withhold), d: 1n }, fraction), params.rounding);
    const limit = roundToCents(mul(capQ, capRate), 'floor');
    pool += withhold - earned;
    const trace: TraceStep[] | undefined = opts.explain ? [] : undefined;
    trace?.push(
      {
        rule: 'withhold',
        inputs: { capitationCents: cap, withholdRate: params.withholdRate },
        formula: 'round(capitation x withholdRate)',
        value: withhold,
      },
      {
        rule: `earn back (${params.earning})`,
        inputs: { withholdCents: withhold, fraction: toNumber(fraction) },
        formula: 'round(withhold x fraction)',
        value: earned,
      },
    );
    const pi = params.incentivePool;
    const eligible =
      !!pi &&
      pi.eligibleMeasures.every((m) => e.measures[m]?.met === true) &&
      (pi.minComposite === undefined || (e.composite !== null && e.composite >= pi.minComposite));
    rows.push({
      e,
      cap,
      withhold,
      earned,
      fraction: toNumber(fraction),
      limit,
      eligible,
      incentive: 0,
      trace,
    });
  }
  const unallocated = params.incentivePool ? distributePool(rows, pool, params.incentivePool.distribute) : 0;
  if (params.incentivePool && unallocated > 0) {
    issues.push({
      entityId: '*',
      code: 'pool-unallocated',
      message: `${unallocated} cents of the unearned withhold pool could not be paid (no eligible entity, or every eligible entity is at the ${params.capRate} cap)`,
    });
  }
  const payments = rows.map((r): Payment => {
    const lines: PaymentLine[] = [];
    if (params.includeCapitation) {
      lines.push({ kind: 'capitation', amountCents: r.cap }, { kind: 'withhold', amountCents: -r.withhold });
    }
    lines.push({ kind: 'withhold-returned', amountCents: r.earned });
    if (params.incentivePool) lines.push({ kind: 'incentive', amountCents: r.incentive });
    r.trace?.push({
      rule: 'incentive pool',
      inputs: { poolCents: pool, eligible: r.eligible, limitCents: r.limit },
      formula: `share of the unearned pool by ${params.incentivePool?.distribute ?? 'none'}, capped so the total stays within capitation x ${params.capRate}`,
      value: r.incentive,
    });
    const p: Payment = {
      entityId: r.e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        capitationCents: r.cap,
        withholdCents: r.withhold,
        earnedFraction: r.fraction,
        earnedBackCents: r.earned,
        unearnedCents: r.withhold - r.earned,
        incentiveCents: r.incentive,
        eligibleForIncentive: r.eligible,
        capLimitCents: r.limit,
        poolCents: pool,
      },
    };
    if (r.trace) p.trace = r.trace;
    return p;
  });
  return { payments, issues };
};

/** Fills eligible rows from the pool, respecting each row's cap headroom; returns what is left. */
function distributePool(rows: Row[], pool: number, by: 'capitation' | 'equal' | 'composite'): number {
  let left = pool;
  let open = rows.filter((r) => r.eligible && headroom(r) > 0);
  while (left > 0 && open.length > 0) {
    const weights = open.map((r) =>
      by === 'capitation' ? r.cap : by === 'equal' ? 1 : Math.max(0, r.e.composite ?? 0),
    );
    if (!weights.some((w) => w > 0)) break;
    const shares = allocateLargestRemainder(left, weights);
    let given = 0;
    open.forEach((r, i) => {
      const take = Math.min(shares[i] as number, headroom(r));
      r.incentive += take;
      given += take;
    });
    left -= given;
    if (given === 0) break;
    open = open.filter((r) => headroom(r) > 0);
  }
  return left;
}

/** How much more incentive keeps the entity's total within its cap. */
function headroom(r: Row): number {
  return Math.max(0, r.limit - (r.cap - r.withhold + r.earned + r.incentive));
}
