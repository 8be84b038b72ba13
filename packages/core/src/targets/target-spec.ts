import { z } from 'zod';
import { NonNegativeDecimalSchema } from '../money/decimal.ts';

/** Which way is better: 'higher' (screening rates) or 'lower' (readmissions, poor HbA1c control). */
export type Direction = 'higher' | 'lower';
export const DirectionSchema = z.enum(['higher', 'lower']);

const direction = DirectionSchema.default('higher');
/** A percentile written the human way, 0..100 (50 = median). */
const percentile = z.number().min(0).max(100);

/** A fixed target value: { kind: 'absolute', value: 0.8 }. */
export const AbsoluteTargetSchema = z.object({ kind: z.literal('absolute'), value: z.number(), direction });

/**
 * The given percentile of this year's peer values (all scored entities of the measure), e.g. the
 * MCAS minimum performance level at 50. The percentile counts in the better direction: 75 means
 * "better than 75% of peers", so for a lower-is-better measure it is PERCENTILE.INC at 0.25.
 */
export const PeerPercentileTargetSchema = z.object({
  kind: z.literal('peer-percentile'),
  percentile,
  direction,
});

/**
 * The given percentile of a baseline distribution: the one written in the rulebook
 * (`distribution`, e.g. last year's rates or a national benchmark table) or, when absent, the
 * baseline values the caller supplies (the peers' own baseline-year values).
 */
export const BaselinePercentileTargetSchema = z.object({
  kind: z.literal('baseline-percentile'),
  percentile,
  distribution: z.array(z.number()).min(1).optional(),
  direction,
});

/**
 * Improvement over the entity's own baseline: target = baseline + gapClosed * (goal - baseline),
 * e.g. close 10% of the gap to the goal. `goal` is a number or a percentile of this year's peers.
 * An entity whose baseline already meets the goal has the goal itself as its target.
 */
export const ImprovementTargetSchema = z.object({
  kind: z.literal('improvement'),
  goal: z.union([z.number(), z.object({ peerPercentile: percentile })]),
  gapClosed: NonNegativeDecimalSchema.default('0.1'),
  direction,
});

export const TargetSpecSchema = z.discriminatedUnion('kind', [
  AbsoluteTargetSchema,
  PeerPercentileTargetSchema,
  BaselinePercentileTargetSchema,
  ImprovementTargetSchema,
]);

/** A target spec after parsing (defaults filled in). */
export type TargetSpec = z.output<typeof TargetSpecSchema>;
/** A target spec as written in a rulebook (direction and gapClosed optional). */
export type TargetSpecInput = z.input<typeof TargetSpecSchema>;
