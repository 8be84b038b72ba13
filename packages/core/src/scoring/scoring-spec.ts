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
 * - improvement (when `improvement` and the entity has a baseline): M * (rate - baseline) /
 *   (benchmark - baseline) - 0.5, kept within [0, M-1], when the rate is better than the baseline;
 *   0 when it is not, and 0 when the baseline already meets or beats the benchmark (the formula's
 *   denominator would be zero or negative). CMS awards improvement points only to a hospital whose
 *   performance "exceeds the improvement threshold [its own baseline] but is less than the
 *   benchmark" (42 CFR 412.165(a)(3)); with a baseline at or beyond the benchmark no rate is both,
 *   and a rate beyond such a baseline is beyond the benchmark, where achievement gives M anyway
 *   (412.165(a)(4)), so the measure score is the achievement points either way;
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
 * ({ decile: 3, from: 0.41 }, { decile: 4, from: 0.52 }, ...; not decreasing, not increasing for
 * lower-is-better). Decile d covers from its start up to, not including, the next decile's start.
 *
 * Equal starts are allowed and mean empty deciles, as CMS publishes them: the qpp-measures-data
 * benchmark schema (CMSgov/qpp-measures-data, benchmarks/2019/benchmarks-schema.yaml, `deciles`)
 * gives "the inclusive lower bounds" of the deciles, each decile's range "begins at its lower
 * bound and continues up to but does not include the subsequent decile's lower bound", and "if the
 * subsequent decile's lower bound is equal to the current decile's lower bound, then that decile
 * is undefined or, in other words, empty" (its CSV-to-JSON script gives a "--" decile of the
 * benchmark file the start of the next defined decile). So a value on a bound shared by several
 * deciles is in the HIGHEST of them (the lower ones are empty): PY2019 measure 014, registry
 * (deciles 7 to 10 all start at 100) gives a rate of 100 decile 10, and 10 points (7 with its
 * topped-out cap).
 *
 * A value in decile d gets d points plus, with `interpolate`, the fraction of the way to the next
 * decile's start (MIPS partial points: CMS's 2019 Quality Benchmarks overview gives a decile-3 rate
 * "between 3 and 3.9 points depending on their exact position in the decile", its example a rate
 * of 83% where the 5th decile begins at 72% and the 6th at 85%: 5 + (83 - 72) / (85 - 72)). The next
 * decile's start is always beyond the value (the value's decile is the highest containing it), so
 * the width is never zero. The last listed decile gets its whole number, whatever the value beyond
 * its start. Below the first listed decile: `belowPoints`.
 * Topped-out measures are capped at `toppedOutCap` points (7 in MIPS: "if true the measure cannot
 * earn more than 7 points", isToppedOutByProgram in the same schema) while `maxPoints` stays 10.
 */
export const DecileScoringSchema = z
  .object({
    kind: z.literal('decile'),
    benchmarks: z
      .array(z.object({ decile: z.number().int().min(1).max(10), from: z.number().finite() }))
      .min(1),
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
      // Equal starts are empty deciles (CMS); only a start worse than the one before is refused.
      const worse = s.direction === 'lower' ? cur.from > prev.from : cur.from < prev.from;
      if (worse) {
        ctx.addIssue({
          code: 'custom',
          path: ['benchmarks', i, 'from'],
          message:
            s.direction === 'lower'
              ? 'each decile must start at or below the start of the one before (lower is better; equal starts are empty deciles)'
              : 'each decile must start at or above the start of the one before (equal starts are empty deciles)',
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
