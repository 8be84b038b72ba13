import type { RuleIssue } from '@quip/core';
import { type Problem, problems } from '../http/problem.ts';
import { jsonPath } from './json-path.ts';

/**
 * 422 listing every problem of a rulebook with its JSON path (`measures[1].compute.numerator`).
 * `row` is 0: a rulebook is one document, not rows of a bulk upload.
 */
export function invalidRulebook(issues: readonly RuleIssue[], context = 'The rulebook'): Problem {
  const errors = issues.map((issue) => ({
    row: 0,
    path: jsonPath(issue.path),
    message:
      issue.position === undefined ? issue.message : `${issue.message} (at character ${issue.position})`,
  }));
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return problems.unprocessable(`${context} has ${count}; each is listed in errors with its path.`, errors);
}

/** A rulebook saved under a URL must name that URL's program and fiscal year. */
export function targetIssues(json: unknown, fiscalYear: string, programId: string): RuleIssue[] {
  const doc = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const issues: RuleIssue[] = [];
  // A missing or mistyped member is already reported by the schema check; only a different one here.
  if (typeof doc.program === 'string' && doc.program !== programId) {
    issues.push({
      path: ['program'],
      code: 'program-mismatch',
      message: `must be '${programId}', the program in the URL`,
    });
  }
  if (typeof doc.fiscalYear === 'string' && doc.fiscalYear !== fiscalYear) {
    issues.push({
      path: ['fiscalYear'],
      code: 'fiscal-year-mismatch',
      message: `must be '${fiscalYear}', the fiscal year in the URL`,
    });
  }
  return issues;
}
