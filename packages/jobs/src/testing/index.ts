// Test helpers of @quip/jobs (`@quip/jobs/testing`): never part of the main export.
export { SYNTHETIC_RUN, TEST_JOB_CONTEXT } from './job-context.ts';
export {
  type SyntheticPayee,
  storeSyntheticData,
  storeSyntheticProgram,
  syntheticPayees,
  TEN_SYNTHETIC_PAYEES,
} from './synthetic-program.ts';
export { waitForRunEnd } from './wait-for-run-end.ts';
