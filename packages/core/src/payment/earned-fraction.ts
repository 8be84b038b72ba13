import { z } from 'zod';
import { toRational } from '../money/decimal.ts';
import { add, div, ONE, type Rational, rational, ZERO } from '../money/rational.ts';
import {
  SMALL_ONE,
  SMALL_ZERO,
  type SmallRational,
  smallGcd,
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

// The running sums of one entity's counted measures (scored and met weights as n/d) live in
// module-level numbers, so the fast path allocates nothing per measure (100k payees x 12
// measures per what-if keystroke). Single-threaded and not re-entrant, so sharing them is safe.
let scored = 0;
let met = 0;
let fits = true;
let scoredN = 0;
let scoredD = 1;
let metN = 0;
let metD = 1;
let sumN = 0;
let sumD = 1;

/** sumN/sumD = aN/aD + bN/bD, or false when an intermediate leaves the safe integers. */
function addInto(aN: number, aD: number, bN: number, bD: number): boolean {
  if (aD === bD) {
    sumN = aN + bN;
    sumD = aD;
    return Number.isSafeInteger(sumN);
  }
  const x = aN * bD;
  const y = bN * aD;
  const d = aD * bD;
  const n = x + y;
  // Each product on its own: two overflowed products can add up to a safe, wrong sum.
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y) || !Number.isSafeInteger(d)) return false;
  if (!Number.isSafeInteger(n)) return false;
  const g = smallGcd(n, d);
  sumN = n / g + 0;
  sumD = d / g;
  return true;
}

function count(m: MeasureOutcome | undefined, weighted: boolean): void {
  if (!m?.scored || m.met === null) return;
  scored++;
  if (m.met) met++;
  if (!weighted || !fits) return;
  let wN = m.weight;
  let wD = 1;
  if (!Number.isSafeInteger(wN)) {
    const w = toSmallRational(wN);
    if (w === undefined) {
      fits = false;
      return;
    }
    wN = w.n;
    wD = w.d;
  }
  if (!addInto(scoredN, scoredD, wN, wD)) {
    fits = false;
    return;
  }
  scoredN = sumN;
  scoredD = sumD;
  if (!m.met) return;
  if (!addInto(metN, metD, wN, wD)) {
    fits = false;
    return;
  }
  metN = sumN;
  metD = sumD;
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
  if (measures === undefined) {
    // The usual case on locals (for a what-if it runs for 100k payees per keystroke): every
    // measure of the payee counts and the weights are whole. Anything else: the general path.
    let n = 0;
    let yes = 0;
    let sumW = 0;
    let metSumW = 0;
    let whole = true;
    const own = entity.measures;
    for (const key in own) {
      const m = own[key];
      if (!m?.scored || m.met === null) continue;
      n++;
      if (m.met) yes++;
      if (!weighted) continue;
      const w = m.weight;
      sumW += w;
      if (m.met) metSumW += w;
      // Each weight and each sum checked at every step: a tiny fractional weight vanishes in a
      // double sum (8 + 6e-265 === 8), and an overflowed sum must not come back into range.
      if (!Number.isSafeInteger(w) || !Number.isSafeInteger(sumW) || !Number.isSafeInteger(metSumW)) {
        whole = false;
        break;
      }
    }
    if (whole) {
      if (n === 0) return null;
      if (earning === 'all-met') return yes === n ? SMALL_ONE : SMALL_ZERO;
      if (earning === 'share-met') return smallRational(yes, n);
      if (sumW === 0) return null;
      return smallRational(metSumW, sumW);
    }
  }
  scored = 0;
  met = 0;
  fits = true;
  scoredN = 0;
  scoredD = 1;
  metN = 0;
  metD = 1;
  const own = entity.measures;
  if (measures) for (const key of measures) count(own[key], weighted);
  // for-in visits the same keys in the same order as Object.keys, without building the array.
  else for (const key in own) count(own[key], weighted);
  if (scored === 0) return null;
  if (earning === 'all-met') return met === scored ? SMALL_ONE : SMALL_ZERO;
  if (earning === 'share-met') return smallRational(met, scored);
  if (!fits) return undefined;
  if (scoredN === 0) return null;
  return smallRational(metN * scoredD, metD * scoredN);
}
