import type { JobRunner } from './job-runner.ts';
import { BullmqJobRunner } from './runners/bullmq-runner.ts';
import { InlineJobRunner } from './runners/inline-runner.ts';

export interface JobRunnerOptions {
  redisUrl?: string | undefined;
  /** Key prefix of the queues in Redis (QUIP_QUEUE_PREFIX). */
  prefix?: string;
  /** How long a dead worker's job stays locked before another worker takes it over (QUIP_WORKER_LOCK_MS). */
  lockMs?: number;
}

/** BullMQ when a Redis URL is given, otherwise in-process: chosen by environment alone. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  if (!options.redisUrl) return new InlineJobRunner();
  const locks =
    options.lockMs === undefined
      ? {}
      : // Looking for stalled jobs twice per lock time finds a dead worker's job soon after its lock lapses.
        { lockDuration: options.lockMs, stalledInterval: Math.max(250, Math.floor(options.lockMs / 2)) };
  return new BullmqJobRunner(options.redisUrl, options.prefix, locks);
}
