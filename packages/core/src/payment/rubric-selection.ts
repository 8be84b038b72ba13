import { z } from 'zod';
import { dollarsToCents } from '../money/cents.ts';
import { NonNegativeDecimalSchema } from '../money/decimal.ts';
import { RoundingModeSchema } from '../money/rounding-mode.ts';
import { isYes } from './entity-attribute.ts';
import type { Payment, PaymentIssue, PaymentLine, PaymentMethod } from './payment.ts';
import { sumLines } from './payment.ts';

/**
 * Application scoring and selection (DHCS EPT): base points out of `maxBasePoints` (90, scored by
 * the plan; read from `pointsAttribute`, or composite x maxBasePoints when absent) plus policy
 * bonus points for each listed attribute that says yes (e.g. +12 serves children/youth, +20
 * pregnant members, +15 tribal). Entities with total >= `cutoff` are selected; with `maxSelected`
 * only that many, by total points (ties: smaller entityId). Each selected entity gets `award`
 * dollars (default 0: selection only), rounded (default half-up) to cents. Base points above the
 * maximum are an issue and count as the maximum; missing base points: an issue, not selected.
 */
export const RubricSelectionParamsSchema = z.object({
  method: z.literal('rubric-selection'),
  pointsAttribute: z.string().optional(),
  maxBasePoints: z.number().positive().default(90),
  bonuses: z
    .array(z.object({ attribute: z.string(), points: z.number(), label: z.string().optional() }))
    .default([]),
  cutoff: z.number(),
  maxSelected: z.number().int().positive().optional(),
  award: NonNegativeDecimalSchema.default('0'),
  rounding: RoundingModeSchema.default('half-up'),
});
export type RubricSelectionParams = z.output<typeof RubricSelectionParamsSchema>;

export const computeRubricSelection: PaymentMethod<RubricSelectionParams> = (params, entities, opts) => {
  const issues: PaymentIssue[] = [];
  const awardCents = dollarsToCents(params.award, params.rounding);
  const rows = entities.map((e) => {
    let base: number | null;
    if (params.pointsAttribute) {
      const raw = e.attributes[params.pointsAttribute];
      const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      base = typeof v === 'number' && Number.isFinite(v) ? v : null;
    } else base = e.composite === null ? null : e.composite * params.maxBasePoints;
    if (base === null) {
      issues.push({
        entityId: e.entityId,
        code: 'missing-attribute',
        message: params.pointsAttribute
          ? `no base points in '${params.pointsAttribute}'; not selected`
          : 'no composite score; not selected',
      });
    } else if (base > params.maxBasePoints) {
      issues.push({
        entityId: e.entityId,
        code: 'points-above-maximum',
        message: `base points ${base} exceed the maximum ${params.maxBasePoints}; counted as ${params.maxBasePoints}`,
      });
      base = params.maxBasePoints;
    }
    const bonuses = params.bonuses
      .filter((b) => isYes(e.attributes[b.attribute]))
      .map((b) => ({ attribute: b.attribute, label: b.label ?? b.attribute, points: b.points }));
    const bonus = bonuses.reduce((t, b) => t + b.points, 0);
    const total = base === null ? null : base + bonus;
    return {
      e,
      base,
      bonuses,
      bonus,
      total,
      qualifies: total !== null && total >= params.cutoff,
      rank: 0,
      selected: false,
    };
  });
  const ranked = rows
    .filter((r) => r.qualifies)
    .sort(
      (a, b) =>
        (b.total as number) - (a.total as number) ||
        (a.e.entityId < b.e.entityId ? -1 : a.e.entityId > b.e.entityId ? 1 : 0),
    );
  ranked.forEach((r, i) => {
    r.rank = i + 1;
    r.selected = params.maxSelected === undefined || i < params.maxSelected;
  });
  const payments = rows.map((r): Payment => {
    const lines: PaymentLine[] =
      r.selected && awardCents > 0 ? [{ kind: 'award', amountCents: awardCents }] : [];
    const p: Payment = {
      entityId: r.e.entityId,
      totalCents: sumLines(lines),
      lines,
      details: {
        basePoints: r.base,
        bonusPoints: r.bonus,
        bonuses: r.bonuses,
        totalPoints: r.total,
        cutoff: params.cutoff,
        selected: r.selected,
        rank: r.qualifies ? r.rank : null,
      },
    };
    if (opts.explain) {
      p.trace = [
        {
          rule: 'points',
          inputs: { basePoints: r.base, bonuses: r.bonuses },
          formula: 'base points + bonus points of the attributes that apply',
          value: r.total,
        },
        {
          rule: 'selection',
          inputs: {
            cutoff: params.cutoff,
            maxSelected: params.maxSelected ?? null,
            rank: r.qualifies ? r.rank : null,
          },
          formula: 'total >= cutoff (and rank <= maxSelected)',
          value: r.selected,
        },
      ];
    }
    return p;
  });
  return { payments, issues };
};
