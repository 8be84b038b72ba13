export { createJobRunner } from './create-job-runner.ts';
export { type JobDependencies, jobDefinitions, pingJob, runChunkJob, runJob } from './handlers/index.ts';
export * from './job-runner.ts';
export { BullmqJobRunner, type BullmqLockOptions, connectRedis } from './runners/bullmq-runner.ts';
export { InlineJobRunner } from './runners/inline-runner.ts';
export { compactResultJson, expandResultJson } from './runs/compact-result-json.ts';
export { compiledRulebookOf } from './runs/compiled-rulebook-cache.ts';
export { explainRunPayee, type PayeeExplanation } from './runs/explain-run-payee.ts';
export {
  INTERRUPTED_REASON,
  type RecoveredRuns,
  recoverInterruptedRuns,
  resumeRun,
} from './runs/recover-interrupted-runs.ts';
export { enqueueRun, type StartRunInput, startRun } from './runs/start-run.ts';
export {
  publishSyntheticRulebook,
  SYNTHETIC_RULEBOOK,
  type SyntheticPayee,
  storeSyntheticData,
  syntheticPayees,
} from './runs/synthetic-program.ts';
