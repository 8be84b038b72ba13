import { type ExactNumber, exactAdd, exactCompare, exactDiv, exactToNumber } from '../money/exact-number.ts';
import type { Rational } from '../money/rational.ts';
import type { ComputeKind } from './measure-context.ts';

/** A value a record gives: a finite number, or an exact value an expression made (1/3). */
function exactOfValue(v: unknown): ExactNumber | null {
  if (typeof v === 'number') return v - v === 0 ? v : null;
  if (typeof v === 'object' && v !== null && typeof (v as Rational).n === 'bigint') return v as Rational;
  return null;
}

/**
 * A submitted value (`field`) or one computed from the record (`formula`), aggregated over the
 * entity's current records (sum, mean, min, max, or the latest submitted), all exactly. Records
 * whose value is not a finite number are left out; none left is not scored. A formula that divides
 * by zero on a record makes the measure not scored, with that reason (never NaN or Infinity).
 */
export const computeValue: ComputeKind<'value'> = (_measure, compute, slice, ctx, result) => {
  const { reader, order, start, end } = slice;
  const formula = compute.formula;
  let used = 0;
  let acc: ExactNumber = 0;
  let latestOn = '';
  let divisionByZero = 0;
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    const raw = formula ? reader.evaluate(formula, i) : reader.field(compute.field as string, i);
    const v = exactOfValue(raw);
    if (v === null) {
      if (
        formula &&
        divisionByZero === 0 &&
        formula.nullCause((name) => reader.field(name, i), reader.submittedOn(i)) === 'division-by-zero'
      ) {
        divisionByZero = k - start + 1;
      }
      continue;
    }
    switch (compute.aggregate) {
      case 'sum':
      case 'mean':
        acc = used === 0 ? v : exactAdd(acc, v);
        break;
      case 'min':
        if (used === 0 || exactCompare(v, acc) < 0) acc = v;
        break;
      case 'max':
        if (used === 0 || exactCompare(v, acc) > 0) acc = v;
        break;
      case 'latest': {
        // Latest submittedOn wins; on a tie the later record in input order.
        const on = reader.submittedOn(i) ?? ctx.asOf;
        if (used === 0 || on >= latestOn) {
          acc = v;
          latestOn = on;
        }
        break;
      }
    }
    used++;
  }
  result.records = end - start;
  if (divisionByZero > 0) {
    result.notScored(`division by zero in '${formula?.source}' (record ${divisionByZero})`);
    return;
  }
  if (used === 0) {
    result.notScored('no numeric value submitted');
    return;
  }
  const value = compute.aggregate === 'mean' && used > 1 ? exactDiv(acc, used) : acc;
  if (!Number.isFinite(exactToNumber(value))) {
    result.notScored('the value is too large for a number');
    return;
  }
  result.setValue(value);
};
