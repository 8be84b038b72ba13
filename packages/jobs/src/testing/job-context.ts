import type { JobContext } from '../job-runner.ts';

/** A run of the synthetic program (storeSyntheticProgram): dds-qip 2026-27 as of 2026-11-23, started by no one. */
export const SYNTHETIC_RUN = {
  fiscalYear: '2026-27',
  programId: 'dds-qip',
  asOf: '2026-11-23',
  createdBy: null,
};

/** A job's context when a test calls a handler itself: the first attempt, never aborted, progress ignored. */
export const TEST_JOB_CONTEXT: JobContext = {
  jobId: 'test',
  attempt: 1,
  signal: new AbortController().signal,
  progress: async () => {},
};
