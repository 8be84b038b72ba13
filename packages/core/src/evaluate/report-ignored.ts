import type { EvaluationIssue } from './evaluation-issue.ts';
import type { SubmissionGroups } from './group-submissions.ts';

/** One issue per kind of submission the grouping left out, with counts (never the data). */
export function reportIgnored(groups: SubmissionGroups, issues: EvaluationIssue[]): void {
  const ignored = groups.ignored;
  for (const [measure, count] of ignored.unknownMeasure) {
    issues.push({
      code: 'unknown-measure',
      message: `${count} submission(s) for a measure the rulebook does not have`,
      measure,
      count,
    });
  }
  for (const [measure, count] of ignored.otherPeriod) {
    issues.push({
      code: 'other-period',
      message: `${count} submission(s) for a period the measure does not read`,
      measure,
      count,
    });
  }
  if (ignored.unknownEntity > 0) {
    issues.push({
      code: 'unknown-entity',
      message: `${ignored.unknownEntity} submission(s) from payees not in the evaluation (e.g. ${ignored.unknownEntityIds.join(', ')})`,
      count: ignored.unknownEntity,
    });
  }
  if (ignored.invalidData > 0) {
    issues.push({
      code: 'invalid-data',
      message: `${ignored.invalidData} submission(s) whose data is not an object; left out`,
      count: ignored.invalidData,
    });
  }
  for (const [measure, count] of ignored.invalidRecords) {
    issues.push({
      code: 'invalid-record',
      message: `${count} current record(s) the measure's fields cannot read (wrong type, outside its values or bounds, a field missing or unknown); left out`,
      measure,
      count,
    });
  }
  if (ignored.afterAsOf > 0) {
    issues.push({
      code: 'after-as-of',
      message: `${ignored.afterAsOf} submission(s) dated after asOf; left out`,
      count: ignored.afterAsOf,
    });
  }
}
