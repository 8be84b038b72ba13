export * from './evaluate-program.ts';
export * from './evaluation-issue.ts';
export type { ProgramPayment } from './pay-entities.ts';
