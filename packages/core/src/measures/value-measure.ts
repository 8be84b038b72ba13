import type { CompiledMeasure } from './compile-measure.ts';
import type { MeasureContext, RecordSlice } from './measure-context.ts';
import type { MeasureResult } from './measure-result.ts';

/**
 * A submitted value (`field`) or one computed from the record (`formula`), aggregated over the
 * entity's current records (sum, mean, min, max, or the latest submitted). Records whose value is
 * not a finite number are left out; none left is not scored.
 */
export function computeValue(
  measure: CompiledMeasure,
  slice: RecordSlice,
  ctx: MeasureContext,
  result: MeasureResult,
): void {
  const compute = measure.compute;
  if (compute.kind !== 'value') return;
  const { reader, order, start, end } = slice;
  let used = 0;
  let acc = 0;
  let latestOn = '';
  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    const v = compute.formula
      ? reader.evaluate(compute.formula, i)
      : reader.field(compute.field as string, i);
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    switch (compute.aggregate) {
      case 'sum':
      case 'mean':
        acc += v;
        break;
      case 'min':
        acc = used === 0 ? v : Math.min(acc, v);
        break;
      case 'max':
        acc = used === 0 ? v : Math.max(acc, v);
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
  if (used === 0) result.notScored('no numeric value submitted');
  else result.value = compute.aggregate === 'mean' ? acc / used : acc;
}
