import { z } from 'zod';
import { toRational } from '../money/decimal.ts';
import { add, div, ONE, type Rational, rational, ZERO } from '../money/rational.ts';
import type { EntityOutcome } from './payment.ts';

/**
 * How much of an at-risk amount an entity earns:
 * - all-met: all of it when every counted scored measure is met, else none;
 * - share-met: met measures / scored measures;
 * - weighted-met: weights of met measures / weights of scored measures;
 * - composite: the composite score (clamped to 0..1).
 * Measures that are not scored drop out (their weight goes to the others). With nothing scored
 * the fraction is null and the caller reports it.
 */
export const EarningSchema = z.enum(['all-met', 'share-met', 'weighted-met', 'composite']);
export type Earning = z.output<typeof EarningSchema>;

export function earnedFraction(
  entity: EntityOutcome,
  earning: Earning,
  measures: readonly string[] | undefined,
): Rational | null {
  if (earning === 'composite') {
    const c = entity.composite;
    if (c === null || !Number.isFinite(c)) return null;
    return c <= 0 ? ZERO : c >= 1 ? ONE : toRational(c);
  }
  let scored = 0;
  let met = 0;
  let scoredW = ZERO;
  let metW = ZERO;
  const keys = measures ?? Object.keys(entity.measures);
  for (const key of keys) {
    const m = entity.measures[key];
    if (!m?.scored || m.met === null) continue;
    scored++;
    if (m.met) met++;
    if (earning === 'weighted-met') {
      const w = toRational(m.weight);
      scoredW = add(scoredW, w);
      if (m.met) metW = add(metW, w);
    }
  }
  if (scored === 0) return null;
  if (earning === 'all-met') return met === scored ? ONE : ZERO;
  if (earning === 'share-met') return rational(BigInt(met), BigInt(scored));
  if (scoredW.n === 0n) return null;
  return div(metW, scoredW);
}
