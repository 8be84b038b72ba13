import { z } from 'zod';
import { toRational } from '../money/decimal.ts';
import { add, div, ONE, type Rational, rational, ZERO } from '../money/rational.ts';
import {
  SMALL_ONE,
  SMALL_ZERO,
  type SmallRational,
  smallAdd,
  smallDiv,
  smallRational,
  toSmallRational,
} from '../money/small-rational.ts';
import type { EntityOutcome, MeasureOutcome } from './payment.ts';

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

/** The running sums of one entity's counted measures, reused so the fast path allocates nothing per measure. */
interface Tally {
  scored: number;
  met: number;
  scoredW: SmallRational | undefined;
  metW: SmallRational | undefined;
}

function count(t: Tally, m: MeasureOutcome | undefined, weighted: boolean): void {
  if (!m?.scored || m.met === null) return;
  t.scored++;
  if (m.met) t.met++;
  if (!weighted || t.scoredW === undefined || t.metW === undefined) return;
  // Whole weights (the usual case) add without a gcd; others go through exact fractions.
  const w = m.weight;
  if (Number.isSafeInteger(w) && t.scoredW.d === 1 && t.metW.d === 1) {
    const s = t.scoredW.n + w;
    t.scoredW = Number.isSafeInteger(s) ? { n: s, d: 1 } : undefined;
    if (m.met) {
      const n = t.metW.n + w;
      t.metW = Number.isSafeInteger(n) ? { n, d: 1 } : undefined;
    }
    return;
  }
  const sw = toSmallRational(w);
  if (sw === undefined) {
    t.scoredW = undefined;
    return;
  }
  t.scoredW = smallAdd(t.scoredW, sw);
  if (m.met) t.metW = smallAdd(t.metW, sw);
}

/**
 * `earnedFraction` on plain numbers: the same value, or null for nothing scored, or undefined when
 * a weight or a sum does not fit in safe integers (the caller then uses `earnedFraction`).
 */
export function earnedFractionSmall(
  entity: EntityOutcome,
  earning: Earning,
  measures: readonly string[] | undefined,
): SmallRational | null | undefined {
  if (earning === 'composite') {
    const c = entity.composite;
    if (c === null || !Number.isFinite(c)) return null;
    return c <= 0 ? SMALL_ZERO : c >= 1 ? SMALL_ONE : toSmallRational(c);
  }
  const weighted = earning === 'weighted-met';
  const t: Tally = { scored: 0, met: 0, scoredW: SMALL_ZERO, metW: SMALL_ZERO };
  const own = entity.measures;
  if (measures) for (const key of measures) count(t, own[key], weighted);
  // for-in visits the same keys in the same order as Object.keys, without building the array.
  else for (const key in own) count(t, own[key], weighted);
  if (t.scored === 0) return null;
  if (earning === 'all-met') return t.met === t.scored ? SMALL_ONE : SMALL_ZERO;
  if (earning === 'share-met') return smallRational(t.met, t.scored);
  if (t.scoredW === undefined || t.metW === undefined) return undefined;
  if (t.scoredW.n === 0) return null;
  return smallDiv(t.metW, t.scoredW);
}
