import type { EvaluationIssue } from './evaluation-issue.ts';
import type { SubmissionGroups } from './group-submissions.ts';

/** One issue per kind of submission the grouping left out, with counts (never the data). */
export function reportIgnored(groups: SubmissionGroups, issues: EvaluationIssue[]): void {
  const ignored = groups.ignored;
  // Counts kept for the whole evaluation, not by measure: one issue when there are any.
  const overall = (count: number): [undefined, number][] => (count > 0 ? [[undefined, count]] : []);
  // Each kind: its code, its counts (by measure, or overall), and its message for a count.
  const kinds: [string, Iterable<[string | undefined, number]>, (count: number) => string][] = [
    [
      'unknown-measure',
      ignored.unknownMeasure,
      (count) => `${count} submission(s) for a measure the rulebook does not have`,
    ],
    [
      'other-period',
      ignored.otherPeriod,
      (count) => `${count} submission(s) for a period the measure does not read`,
    ],
    [
      'unknown-entity',
      overall(ignored.unknownEntity),
      (count) =>
        `${count} submission(s) from payees not in the evaluation (e.g. ${ignored.unknownEntityIds.join(', ')})`,
    ],
    [
      'invalid-data',
      overall(ignored.invalidData),
      (count) => `${count} submission(s) whose data is not an object; left out`,
    ],
    [
      'invalid-record',
      ignored.invalidRecords,
      (count) =>
        `${count} current record(s) the measure's fields cannot read (wrong type, outside its values or bounds, a field missing or unknown); left out`,
    ],
    [
      'after-as-of',
      overall(ignored.afterAsOf),
      (count) => `${count} submission(s) dated after asOf; left out`,
    ],
  ];
  for (const [code, counts, message] of kinds) {
    for (const [measure, count] of counts) {
      issues.push({ code, message: message(count), ...(measure === undefined ? {} : { measure }), count });
    }
  }
}
