import { z } from 'zod';
import { DirectionSchema } from '../targets/target-spec.ts';

const direction = DirectionSchema.default('higher');

/** Points when the target is met, none when not: { kind: 'met-not-met', points: 1 }. */
export const MetNotMetScoringSchema = z.object({
  kind: z.literal('met-not-met'),
  points: z.number().positive().default(1),
});

/**
 * Hospital VBP style linear points. With M = maxPoints (10 in VBP):
 * - achievement: 0 below `threshold`; (M-1) * (rate - threshold) / (benchmark - threshold) + 0.5,
 *   kept within [1, M], from the threshold up to the benchmark; M at or beyond the benchmark;
 * - improvement (when `improvement` and the entity has a baseline worse than the benchmark):
 *   M * (rate - baseline) / (benchmark - baseline) - 0.5, kept within [0, M-1]; 0 if not improved;
 * - the higher of the two counts.
 * `wholePoints` rounds each to the nearest whole point (halves up) as CMS does for VBP.
 * For lower-is-better measures the benchmark is below the threshold and all comparisons flip.
 */
export const LinearScoringSchema = z
  .object({
    kind: z.literal('linear'),
    threshold: z.number(),
    benchmark: z.number(),
    maxPoints: z.number().int().min(2).default(10),
    improvement: z.boolean().default(true),
    wholePoints: z.boolean().default(false),
    direction,
  })
  .refine((s) => (s.direction === 'lower' ? s.benchmark < s.threshold : s.benchmark > s.threshold), {
    message: 'the benchmark must be better than the threshold (above it, or below it when lower is better)',
    path: ['benchmark'],
  });

/**
 * MIPS style decile points. `benchmarks` lists, for consecutive deciles, where each begins
 * ({ decile: 3, from: 0.41 }, { decile: 4, from: 0.52 }, ...; ascending values, descending for
 * lower-is-better). A value in decile d gets d points plus, with `interpolate`, the fraction of
 * the way to the next decile's start (MIPS partial points: 5 + (v - from5)/(from6 - from5)); the
 * last listed decile gets its whole number. Below the first listed decile: `belowPoints`.
 * Topped-out measures are capped at `toppedOutCap` points (7 in MIPS) while `maxPoints` stays 10.
 */
export const DecileScoringSchema = z
  .object({
    kind: z.literal('decile'),
    benchmarks: z.array(z.object({ decile: z.number().int().min(1).max(10), from: z.number() })).min(1),
    interpolate: z.boolean().default(true),
    belowPoints: z.number().min(0).default(0),
    toppedOutCap: z.number().positive().nullable().default(null),
    maxPoints: z.number().positive().default(10),
    direction,
  })
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.benchmarks.length; i++) {
      const prev = s.benchmarks[i - 1];
      const cur = s.benchmarks[i];
      if (!prev || !cur) continue;
      if (cur.decile !== prev.decile + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['benchmarks', i, 'decile'],
          message: 'deciles must be consecutive',
        });
      }
      const better = s.direction === 'lower' ? cur.from < prev.from : cur.from > prev.from;
      if (!better) {
        ctx.addIssue({
          code: 'custom',
          path: ['benchmarks', i, 'from'],
          message: 'each decile must start at a better value than the one before',
        });
      }
    }
  });

export const ScoringSpecSchema = z.discriminatedUnion('kind', [
  MetNotMetScoringSchema,
  LinearScoringSchema,
  DecileScoringSchema,
]);

export type ScoringSpec = z.output<typeof ScoringSpecSchema>;
export type ScoringSpecInput = z.input<typeof ScoringSpecSchema>;
