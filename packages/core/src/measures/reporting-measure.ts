import { fieldProblem, isPresent } from './check-record.ts';
import type { CompiledField, CompiledMeasure } from './compile-measure.ts';
import type { MeasureContext, RecordSlice } from './measure-context.ts';
import type { MeasureResult } from './measure-result.ts';

/**
 * Pay-for-reporting: timely (every current record submitted by the due date), complete (the
 * completeness fields present on every record), accurate (every present field has its type, enum,
 * bounds and rules, and the record rules hold). No records, or fewer than minRecords, fails every
 * checked part: not reporting is the failure this measure pays for.
 * value = parts passed / parts checked; met = all passed. Each field is read once per record.
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

  const due = compute.dueDate;
  const checkComplete = compute.completeFields !== null;
  const checkAccurate = compute.accurate;
  const mask = compute.completeMask;
  const fields = measure.fields;
  const rules = compute.recordRules;
  let timely: boolean | null = due === null ? null : enough;
  let complete: boolean | null = checkComplete ? enough : null;
  let accurate: boolean | null = checkAccurate ? enough : null;

  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    if (due !== null) {
      const on = reader.submittedOn(i) ?? ctx.asOf;
      if (on > due) {
        timely = false;
        problems?.push(`record ${k - start + 1}: submitted ${on}, due ${due}`);
      }
    }
    // Once every checked part has failed, more reading changes nothing (unless explaining).
    if (!problems && complete !== true && accurate !== true) continue;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f] as CompiledField;
      const value = reader.field(field.name, i);
      if (mask[f] === true && !isPresent(value)) {
        complete = false;
        problems?.push(`record ${k - start + 1}: '${field.name}' is missing`);
      }
      if (checkAccurate && value !== undefined && value !== null && (accurate || problems)) {
        const problem = fieldProblem(field, value, reader, i);
        if (problem !== null) {
          accurate = false;
          problems?.push(`record ${k - start + 1}: ${problem}`);
        }
      }
    }
    for (let r = 0; r < rules.length && (accurate || problems); r++) {
      const rule = rules[r] as (typeof rules)[number];
      if (reader.evaluate(rule.expression, i) !== true) {
        accurate = false;
        problems?.push(`record ${k - start + 1}: ${rule.message}`);
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
