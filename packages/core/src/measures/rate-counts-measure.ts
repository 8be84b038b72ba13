import {
  type ExactNumber,
  exactAdd,
  exactCompare,
  exactDiv,
  exactMul,
  exactToNumber,
} from '../money/exact-number.ts';
import type { CompiledMeasure } from './compile-measure.ts';
import type { MeasureContext, RecordSlice } from './measure-context.ts';
import type { MeasureResult } from './measure-result.ts';

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * A rate from submitted counts (e.g. employment: people placed in competitive integrated
 * employment / people in an internship), summed over the entity's current records. A record
 * without both counts (or with a negative one) is left out; none left is not scored.
 */
export function computeRateCounts(
  measure: CompiledMeasure,
  slice: RecordSlice,
  _ctx: MeasureContext,
  result: MeasureResult,
): void {
  const compute = measure.compute;
  if (compute.kind !== 'rate-counts') return;
  const { reader, order, start, end } = slice;
  let numerator: ExactNumber = 0;
  let denominator: ExactNumber = 0;
  let used = 0;
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    const n = count(reader.field(compute.numeratorField, i));
    const d = count(reader.field(compute.denominatorField, i));
    if (n === null || d === null) continue;
    // Whole counts add as numbers (exactAdd's fast path); fractional ones (weighted counts) exactly.
    numerator = exactAdd(numerator, n);
    denominator = exactAdd(denominator, d);
    used++;
  }
  result.records = end - start;
  if (used === 0) {
    result.notScored(`no record has both '${compute.numeratorField}' and '${compute.denominatorField}'`);
    return;
  }
  const den = exactToNumber(denominator);
  result.numerator = exactToNumber(numerator);
  result.denominator = den;
  if (den === 0) result.notScored('denominator 0');
  else if (exactCompare(denominator, measure.minDenominator) < 0) {
    result.notScored(`denominator ${den} is below the minimum of ${measure.minDenominator}`);
  } else if (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator)
  ) {
    result.setRate(numerator, denominator, compute.per);
  } else result.setValue(exactMul(exactDiv(numerator, denominator), compute.per));
}
