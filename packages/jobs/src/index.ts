export { createJobRunner } from './create-job-runner.ts';
export { type JobDependencies, jobDefinitions, pingJob } from './handlers/index.ts';
export * from './job-runner.ts';
export { BullmqJobRunner, connectRedis } from './runners/bullmq-runner.ts';
export { InlineJobRunner } from './runners/inline-runner.ts';
