import { z } from 'zod';

/** Measure weights by measure key (any non-negative scale; only ratios matter). */
export const WeightsSchema = z.record(z.string(), z.number().nonnegative());
export type Weights = z.output<typeof WeightsSchema>;

export interface MeasureScoreInput {
  scored: boolean;
  points: number | null;
  maxPoints: number | null;
  /** Used when `weights` has no entry for the measure; default 1. */
  weight?: number;
}

export interface CompositeScore {
  /** sum(weight * points / maxPoints) / sum(weight) over scored measures: 0..1, or null if none scored. */
  score: number | null;
  /** Sum of the weights of the measures that counted. */
  scoredWeight: number;
  /** Sum of the weights of all measures given (scored or not). */
  totalWeight: number;
  /** Only when explain: each measure's weight, share of the counted weight and contribution. */
  measures?: {
    measure: string;
    scored: boolean;
    weight: number;
    effectiveWeight: number;
    fraction: number | null;
  }[];
}

/**
 * Weighted composite of measure scores, each as a fraction of its maximum points.
 * Only scored measures count: a measure that is not scored for the entity (too small a
 * denominator, not applicable) drops out and its weight is redistributed over the scored
 * measures in proportion to their weights, because the sum is divided by the scored weight only.
 * Example: weights A 2, B 1, C 1; C not scored; A 8/10, B 1/1 -> (2*0.8 + 1*1) / 3 = 0.8667.
 */
export function compositeScore(
  measureScores: Readonly<Record<string, MeasureScoreInput>>,
  weights?: Readonly<Record<string, number>>,
  explain = false,
): CompositeScore {
  let num = 0;
  let scoredWeight = 0;
  let totalWeight = 0;
  const rows: NonNullable<CompositeScore['measures']> | undefined = explain ? [] : undefined;
  for (const key in measureScores) {
    const m = measureScores[key] as MeasureScoreInput;
    const w = weights?.[key] ?? m.weight ?? 1;
    totalWeight += w;
    const counts = m.scored && m.points !== null && m.maxPoints !== null && m.maxPoints > 0 && w > 0;
    const fraction = counts ? (m.points as number) / (m.maxPoints as number) : null;
    if (counts) {
      num += w * (fraction as number);
      scoredWeight += w;
    }
    rows?.push({ measure: key, scored: counts, weight: w, effectiveWeight: 0, fraction });
  }
  if (rows)
    for (const r of rows) r.effectiveWeight = r.scored && scoredWeight > 0 ? r.weight / scoredWeight : 0;
  const out: CompositeScore = {
    score: scoredWeight > 0 ? num / scoredWeight : null,
    scoredWeight,
    totalWeight,
  };
  if (rows) out.measures = rows;
  return out;
}
