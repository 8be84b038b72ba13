import { isAccurate, isPresent } from './check-record.ts';
import type { CompiledMeasure } from './compile-measure.ts';
import type { MeasureContext, RecordSlice } from './measure-context.ts';
import type { MeasureResult } from './measure-result.ts';

/**
 * Pay-for-reporting: timely (every current record submitted by the due date), complete (the
 * completeness fields present on every record), accurate (every record passes its field and
 * record rules). No records, or fewer than minRecords, fails every checked part: not reporting is
 * the failure this measure pays for. value = parts passed / parts checked; met = all passed.
 */
export function computeReporting(
  measure: CompiledMeasure,
  slice: RecordSlice,
  ctx: MeasureContext,
  result: MeasureResult,
): void {
  const compute = measure.compute;
  if (compute.kind !== 'reporting') return;
  const { reader, order, start, end } = slice;
  const count = end - start;
  const problems: string[] | null = ctx.explain ? [] : null;
  const enough = count >= compute.minRecords && count > 0;
  if (!enough) problems?.push(`${count} record(s); at least ${Math.max(1, compute.minRecords)} needed`);

  let timely: boolean | null = null;
  if (compute.dueDate !== null) {
    timely = enough;
    for (let k = start; k < end && timely; k++) {
      const i = order[k] as number;
      const on = reader.submittedOn(i) ?? ctx.asOf;
      if (on > compute.dueDate) {
        timely = false;
        problems?.push(`record ${k - start + 1}: submitted ${on}, due ${compute.dueDate}`);
      }
    }
  }

  let complete: boolean | null = null;
  if (compute.completeFields !== null) {
    complete = enough;
    for (let k = start; k < end && (complete || problems); k++) {
      const i = order[k] as number;
      for (const name of compute.completeFields) {
        if (!isPresent(reader.field(name, i))) {
          complete = false;
          if (!problems) break;
          problems.push(`record ${k - start + 1}: '${name}' is missing`);
        }
      }
    }
  }

  let accurate: boolean | null = null;
  if (compute.accurate) {
    accurate = enough;
    for (let k = start; k < end && (accurate || problems); k++) {
      const own = problems ? [] : null;
      if (!isAccurate(measure, reader, order[k] as number, own)) {
        accurate = false;
        if (own) for (const p of own) problems?.push(`record ${k - start + 1}: ${p}`);
      }
    }
  }

  const checked = (timely === null ? 0 : 1) + (complete === null ? 0 : 1) + (accurate === null ? 0 : 1);
  const passed = (timely ? 1 : 0) + (complete ? 1 : 0) + (accurate ? 1 : 0);
  result.records = count;
  result.value = checked === 0 ? (enough ? 1 : 0) : passed / checked;
  result.met = checked === 0 ? enough : passed === checked;
  result.reporting = problems ? { timely, complete, accurate, problems } : { timely, complete, accurate };
}
