import type { Database } from '@quip/db';
import type { Kysely } from 'kysely';
import type { JobDefinition } from '../job-runner.ts';
import { pingJob } from './ping-job.ts';
import { runChunkJob } from './run-chunk-job.ts';
import { runJob } from './run-job.ts';

export interface JobDependencies {
  db: Kysely<Database>;
  /** Phase-1 chunk jobs one process computes at once (QUIP_WORKER_CONCURRENCY); default 2. */
  chunkConcurrency?: number;
}

/** Every job type Quip runs; a worker process (or the API with QUIP_ROLE=all) consumes all of them. */
export function jobDefinitions(deps: JobDependencies): JobDefinition[] {
  return [
    pingJob(deps.db) as JobDefinition,
    runChunkJob(deps.db, deps.chunkConcurrency) as JobDefinition,
    runJob(deps.db) as JobDefinition,
  ];
}
