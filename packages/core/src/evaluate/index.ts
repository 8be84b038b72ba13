export * from './evaluate-phased.ts';
export * from './evaluate-program.ts';
export * from './evaluation-issue.ts';
export { type SubmissionProblem, SubmissionValidator } from './submission-validator.ts';
export {
  createWhatIf,
  type WhatIf,
  type WhatIfInput,
  type WhatIfMeasure,
  type WhatIfResult,
  type WhatIfScores,
} from './what-if.ts';
