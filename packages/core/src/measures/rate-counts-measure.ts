import {
  type ExactNumber,
  exactAdd,
  exactCompare,
  exactDiv,
  exactMul,
  exactToNumber,
} from '../money/exact-number.ts';
import type { ComputeKind } from './measure-context.ts';

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * A rate from submitted counts (e.g. employment: people placed in competitive integrated
 * employment / people in an internship), summed over the entity's current records. A record
 * without both counts (or with a negative one) is left out; none left is not scored.
 */
export const computeRateCounts: ComputeKind<'rate-counts'> = (measure, compute, slice, _ctx, result) => {
  const { reader, order, start, end } = slice;
  // Whole counts add as numbers while the sums stay safe integers (exact); a fractional (weighted)
  // count or a huge sum moves both sums to exact arithmetic from there on.
  let whole = true;
  let numerator = 0;
  let denominator = 0;
  let exactNumerator: ExactNumber = 0;
  let exactDenominator: ExactNumber = 0;
  let used = 0;
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    const n = count(reader.field(compute.numeratorField, i));
    const d = count(reader.field(compute.denominatorField, i));
    if (n === null || d === null) continue;
    used++;
    if (whole && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
      const sn = numerator + n;
      const sd = denominator + d;
      if (sn <= Number.MAX_SAFE_INTEGER && sd <= Number.MAX_SAFE_INTEGER) {
        numerator = sn;
        denominator = sd;
        continue;
      }
    }
    if (whole) {
      whole = false;
      exactNumerator = numerator;
      exactDenominator = denominator;
    }
    exactNumerator = exactAdd(exactNumerator, n);
    exactDenominator = exactAdd(exactDenominator, d);
  }
  result.records = end - start;
  if (used === 0) {
    result.notScored(`no record has both '${compute.numeratorField}' and '${compute.denominatorField}'`);
    return;
  }
  if (whole) {
    exactNumerator = numerator;
    exactDenominator = denominator;
  }
  const den = whole ? denominator : exactToNumber(exactDenominator);
  result.numerator = whole ? numerator : exactToNumber(exactNumerator);
  result.denominator = den;
  if (den === 0) result.notScored('denominator 0');
  else if (exactCompare(exactDenominator, measure.minDenominator) < 0) {
    result.notScored(`denominator ${den} is below the minimum of ${measure.minDenominator}`);
  } else if (whole) result.setRate(numerator, denominator, compute.per);
  else result.setValue(exactMul(exactDiv(exactNumerator, exactDenominator), compute.per));
};
