export * from './evaluate-phased.ts';
export * from './evaluate-program.ts';
export * from './evaluation-issue.ts';
export { type SubmissionProblem, SubmissionValidator } from './submission-validator.ts';
