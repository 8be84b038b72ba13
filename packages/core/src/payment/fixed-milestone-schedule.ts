import { z } from 'zod';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { dollarsToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema } from '../money/decimal.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { completedMilestones } from './completed-milestones.ts';
import type { EntityOutcome, Payment, PaymentIssue, PaymentLine, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

/**
 * A fixed amount per completed milestone: e.g. $2,000 at 30 days, $2,500 at 6 months, $3,000 at
 * 12 months, or WPC's one-time $200,000 start-up grant per county. With `pool` (WPC: $20M) the
 * claims of all entities are limited to the pool: 'pro-rata' scales every claim down by largest
 * remainder when the claims exceed it; 'first-come' pays claims in order of completion date (then
 * entityId, then milestone) until the pool runs out, the last one partly. Rounding (default
 * half-up) turns schedule and pool dollars into cents.
 */
export const FixedMilestoneScheduleParamsSchema = z.object({
  method: z.literal('fixed-milestone-schedule'),
  schedule: z
    .array(
      z.object({
        milestone: z.number().int().positive(),
        label: z.string().optional(),
        amount: NonNegativeDecimalSchema,
      }),
    )
    .min(1)
    .refine((s) => new Set(s.map((x) => x.milestone)).size === s.length, 'milestone numbers must be unique'),
  pool: z
    .object({
      amount: NonNegativeDecimalSchema,
      overflow: z.enum(['pro-rata', 'first-come']).default('pro-rata'),
    })
    .optional(),
  rounding: RoundingModeSchema.default('half-up'),
});
export type FixedMilestoneScheduleParams = z.output<typeof FixedMilestoneScheduleParamsSchema>;

interface Claim {
  entity: number;
  milestone: number;
  label: string | undefined;
  completedOn: string;
  scheduled: number;
  paid: number;
}

export const computeFixedMilestoneSchedule: PaymentMethod<FixedMilestoneScheduleParams> = (
  params,
  entities,
  opts,
) => {
  const issues: PaymentIssue[] = [];
  const items = new Map(
    params.schedule.map((s) => [
      s.milestone,
      { label: s.label, cents: dollarsToCents(s.amount, params.rounding) },
    ]),
  );
  const claims: Claim[] = [];
  const perEntity: Claim[][] = entities.map((e, i) => {
    const done = completedMilestones(e, (m) => items.has(m), opts, issues);
    return done.map((c) => {
      const item = items.get(c.milestone) as { label: string | undefined; cents: number };
      const claim = {
        entity: i,
        milestone: c.milestone,
        label: item.label,
        completedOn: c.completedOn,
        scheduled: item.cents,
        paid: item.cents,
      };
      claims.push(claim);
      return claim;
    });
  });
  let poolCents: number | null = null;
  let claimed = 0;
  for (const c of claims) claimed += c.scheduled;
  if (params.pool) {
    poolCents = dollarsToCents(params.pool.amount, params.rounding);
    if (claimed > poolCents) {
      issues.push({
        entityId: '*',
        code: 'pool-exceeded',
        message: `claims of ${claimed} cents exceed the pool of ${poolCents} cents; paid ${params.pool.overflow}`,
      });
      if (params.pool.overflow === 'pro-rata') {
        const parts = allocateLargestRemainder(
          poolCents,
          claims.map((c) => c.scheduled),
        );
        claims.forEach((c, i) => {
          c.paid = parts[i] as number;
        });
      } else {
        const order = claims
          .slice()
          .sort(
            (a, b) =>
              cmp(a.completedOn, b.completedOn) ||
              cmp(
                (entities[a.entity] as EntityOutcome).entityId,
                (entities[b.entity] as EntityOutcome).entityId,
              ) ||
              a.milestone - b.milestone,
          );
        let left = poolCents;
        for (const c of order) {
          c.paid = Math.min(c.scheduled, left);
          left -= c.paid;
        }
      }
    }
  }
  const payments = entities.map((e, i): Payment => {
    const mine = perEntity[i] as Claim[];
    const lines: PaymentLine[] = mine.map((c) => {
      const line: PaymentLine = {
        kind: 'milestone',
        milestone: c.milestone,
        completedOn: c.completedOn,
        amountCents: c.paid,
      };
      if (c.label !== undefined) line.label = c.label;
      if (c.paid !== c.scheduled) line.scheduledCents = c.scheduled;
      return line;
    });
    const scheduled = mine.reduce((t, c) => t + c.scheduled, 0);
    const p: Payment = {
      entityId: e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        milestonesPaid: lines.length,
        scheduledCents: scheduled,
        poolCents,
        poolClaimedCents: poolCents === null ? null : claimed,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'schedule',
          inputs: { completed: mine.map((c) => c.milestone), asOf: opts.asOf ?? null },
          formula: 'sum of the scheduled amounts of the completed milestones',
          value: scheduled,
        },
        {
          rule: 'pool',
          inputs: { poolCents, claimedCents: claimed, overflow: params.pool?.overflow ?? null },
          formula:
            poolCents === null || claimed <= poolCents
              ? 'no pool limit reached'
              : `claims limited to the pool (${params.pool?.overflow})`,
          value: p.totalCents,
        },
      ];
    }
    return p;
  });
  return { payments, issues };
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
