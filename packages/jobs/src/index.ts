// Public surface of @quip/jobs: the job runner, the job definitions and the run operations the API
// and the worker use. Test helpers are at `@quip/jobs/testing`.
export { createJobRunner } from './create-job-runner.ts';
export { jobDefinitions } from './handlers/job-definitions.ts';
export { pingJob } from './handlers/ping-job.ts';
export { defineJob, type JobDefinition, type JobRunner } from './job-runner.ts';
export { BullmqJobRunner, connectRedis } from './runners/bullmq-runner.ts';
export { InlineJobRunner } from './runners/inline-runner.ts';
export { explainRunPayee } from './runs/explain-run-payee.ts';
export { recoverInterruptedRuns, recoverOrphanRuns } from './runs/recover-interrupted-runs.ts';
export { enqueueRun, startRun } from './runs/start-run.ts';
export { JobThread } from './threads/job-thread.ts';
