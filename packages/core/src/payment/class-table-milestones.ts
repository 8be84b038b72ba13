import { z } from 'zod';
import { dollarsToCents, roundToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema, parseDecimal } from '../money/decimal.ts';
import { mul, rational, toNumber } from '../money/rational.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { splitEvenly } from '../money/split-evenly.ts';
import { completedMilestones } from './completed-milestones.ts';
import { readDecimalAttribute } from './entity-attribute.ts';
import type { Payment, PaymentIssue, PaymentLine, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

export const ClassRowSchema = z.object({
  class: z.string().min(1),
  membersFrom: z.number().int().min(0),
  membersTo: z.number().int().min(0),
  /** Per member per year, in dollars: '305.00'. */
  pmpy: NonNegativeDecimalSchema,
});

/**
 * DHCS EPT directed payments: potential = assigned members x PMPY of the member's class (the
 * class table row whose membersFrom..membersTo holds the count); each of the practice's 23 or 25
 * milestones is worth potential / milestoneCount, split so the parts add up exactly (leftover
 * cents to the first milestones). One 'milestone' line per completed milestone. A member count
 * outside the table is the issue 'members-outside-class-table' and no payment, never a zero.
 * Rounding (default half-up) applies only when a PMPY has fractions of a cent.
 */
export const ClassTableMilestonesParamsSchema = z.object({
  method: z.literal('class-table-milestones'),
  classes: z
    .array(ClassRowSchema)
    .min(1)
    .superRefine((rows, ctx) => {
      rows.forEach((r, i) => {
        if (r.membersTo < r.membersFrom) {
          ctx.addIssue({ code: 'custom', path: [i, 'membersTo'], message: 'membersTo is below membersFrom' });
        }
        const prev = rows[i - 1];
        if (prev && r.membersFrom <= prev.membersTo) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'membersFrom'],
            message: 'class rows must ascend without overlap',
          });
        }
      });
    }),
  membersAttribute: z.string().default('assignedMembers'),
  milestoneCountAttribute: z.string().default('milestoneCount'),
  /** Allowed milestone counts (EPT: [23, 25]); absent = any positive count. */
  milestoneCounts: z.array(z.number().int().positive()).optional(),
  rounding: RoundingModeSchema.default('half-up'),
});
export type ClassTableMilestonesParams = z.output<typeof ClassTableMilestonesParamsSchema>;

export const computeClassTableMilestones: PaymentMethod<ClassTableMilestonesParams> = (
  params,
  entities,
  opts,
) => {
  const issues: PaymentIssue[] = [];
  const payments: Payment[] = [];
  const rows = params.classes.map((r) => ({
    ...r,
    pmpyQ: parseDecimal(r.pmpy),
    pmpyCents: dollarsToCents(r.pmpy),
  }));
  for (const e of entities) {
    const membersQ = readDecimalAttribute(e, params.membersAttribute, issues, { integer: true, min: 0 });
    const countQ = readDecimalAttribute(e, params.milestoneCountAttribute, issues, { integer: true, min: 1 });
    if (!membersQ || !countQ) continue;
    const members = toNumber(membersQ);
    const count = toNumber(countQ);
    if (params.milestoneCounts && !params.milestoneCounts.includes(count)) {
      issues.push({
        entityId: e.entityId,
        code: 'milestone-count-invalid',
        message: `milestone count ${count} is not one of ${params.milestoneCounts.join(', ')}; no payment`,
      });
      continue;
    }
    // Binary search would do, but tables have ~50 rows.
    const row = rows.find((r) => members >= r.membersFrom && members <= r.membersTo);
    if (!row) {
      issues.push({
        entityId: e.entityId,
        code: 'members-outside-class-table',
        message: `${members} assigned members is outside the class table; no payment`,
      });
      continue;
    }
    const potential = roundToCents(mul(membersQ, mul(row.pmpyQ, rational(100n))), params.rounding);
    const perMilestone = splitEvenly(potential, count);
    const done = completedMilestones(e, (m) => m >= 1 && m <= count, opts, issues);
    const lines: PaymentLine[] = done.map((c) => ({
      kind: 'milestone',
      milestone: c.milestone,
      completedOn: c.completedOn,
      amountCents: perMilestone[c.milestone - 1] as number,
    }));
    const total = sumLines(lines);
    const p: Payment = {
      entityId: e.entityId,
      totalCents: total,
      lines,
      details: {
        class: row.class,
        pmpyCents: row.pmpyCents,
        potentialCents: potential,
        perMilestoneCents: perMilestone,
        assignedMembers: members,
        milestoneCount: count,
        milestonesPaid: lines.length,
        remainingCents: potential - total,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'class',
          inputs: { assignedMembers: members },
          formula: 'the class table row with membersFrom <= members <= membersTo',
          value: { class: row.class, membersFrom: row.membersFrom, membersTo: row.membersTo, pmpy: row.pmpy },
        },
        {
          rule: 'potential total',
          inputs: { assignedMembers: members, pmpy: row.pmpy },
          formula: 'members x pmpy',
          value: potential,
        },
        {
          rule: 'per milestone',
          inputs: { potentialCents: potential, milestoneCount: count },
          formula: 'potential / milestoneCount, leftover cents to the first milestones',
          value: perMilestone,
        },
        {
          rule: 'completed milestones',
          inputs: { completed: done.map((c) => c.milestone), asOf: opts.asOf ?? null },
          formula: 'sum of the completed milestones amounts',
          value: total,
        },
      ];
    }
    payments.push(p);
  }
  return { payments, issues };
};
