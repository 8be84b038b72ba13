import type { ComputeKind } from './measure-context.ts';
import { RECORD_INACCURATE, RECORD_INCOMPLETE, type RecordIssue } from './record-checker.ts';

/**
 * Pay-for-reporting: timely (every current record received by the due date), complete (no
 * record has a completeness finding: the completeness fields present), accurate (no record has an
 * accuracy finding: field and record rules hold). Findings come from the dataset's RecordChecker,
 * run once per record before any measure. No records, or fewer than minRecords, fails every
 * checked part: not reporting is the failure this measure pays for.
 * value = parts passed / parts checked; met = all passed.
 */
export const computeReporting: ComputeKind<'reporting'> = (_measure, compute, slice, ctx, result) => {
  const { reader, order, start, end } = slice;
  const count = end - start;
  const problems: string[] | null = ctx.explain ? [] : null;
  const enough = count >= compute.minRecords && count > 0;
  if (!enough) problems?.push(`${count} record(s); at least ${Math.max(1, compute.minRecords)} needed`);

  const due = compute.dueDate;
  const checkComplete = compute.completeFields !== null;
  const checkAccurate = compute.accurate;
  const standing = slice.standing;
  let timely: boolean | null = due === null ? null : enough;
  let complete: boolean | null = checkComplete ? enough : null;
  let accurate: boolean | null = checkAccurate ? enough : null;
  const issues: RecordIssue[] = [];

  for (let k = start; k < end; k++) {
    const i = order[k] as number;
    if (due !== null) {
      const on = reader.submittedOn(i) ?? ctx.asOf;
      if (on > due) {
        timely = false;
        problems?.push(`record ${k - start + 1}: submitted ${on}, due ${due}`);
      }
    }
    // The record's findings were found once, by the dataset's check (the same one upload runs).
    const bits = standing[i] as number;
    if ((bits & RECORD_INCOMPLETE) !== 0) complete = false;
    if ((bits & RECORD_INACCURATE) !== 0) accurate = false;
    if (problems && bits !== 0 && slice.checker) {
      issues.length = 0;
      slice.checker.check(reader, i, issues);
      for (const issue of issues) problems.push(`record ${k - start + 1}: ${issue.message}`);
    }
  }

  const checked = (timely === null ? 0 : 1) + (complete === null ? 0 : 1) + (accurate === null ? 0 : 1);
  const passed = (timely ? 1 : 0) + (complete ? 1 : 0) + (accurate ? 1 : 0);
  result.records = count;
  if (checked === 0) result.setValue(enough ? 1 : 0);
  else result.setRate(passed, checked, 1);
  result.met = checked === 0 ? enough : passed === checked;
  result.reporting = problems ? { timely, complete, accurate, problems } : { timely, complete, accurate };
};
