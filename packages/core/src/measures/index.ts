export type { Entity } from './applies-to.ts';
export { hasType, isPresent } from './check-record.ts';
export type { CompiledMeasure } from './compile-measure.ts';
export * from './measure-result.ts';
export { type RecordIssue, valueProblem } from './record-checker.ts';
export type { Submission, SubmissionColumns, SubmissionInput } from './record-reader.ts';
