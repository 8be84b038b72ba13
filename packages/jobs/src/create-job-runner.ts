import type { JobRunner } from './job-runner.ts';
import { BullmqJobRunner } from './runners/bullmq-runner.ts';
import { InlineJobRunner } from './runners/inline-runner.ts';

/** BullMQ when a Redis URL is given, otherwise in-process: chosen by environment alone. */
export function createJobRunner(options: { redisUrl?: string | undefined; prefix?: string }): JobRunner {
  return options.redisUrl ? new BullmqJobRunner(options.redisUrl, options.prefix) : new InlineJobRunner();
}
