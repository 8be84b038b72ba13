export type { Entity } from './applies-to.ts';
export { checkSubmissionData, hasType, isPresent } from './check-record.ts';
export type { CompiledMeasure } from './compile-measure.ts';
export * from './measure-result.ts';
export type { Submission, SubmissionColumns, SubmissionInput } from './record-reader.ts';
