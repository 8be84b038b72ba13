import { createRun, type Database, type RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';
import { runChunkJob } from '../handlers/run-chunk-job.ts';
import { runJob } from '../handlers/run-job.ts';
import type { EnqueuedJob, JobDefinition, JobRunner } from '../job-runner.ts';

export interface StartRunInput {
  fiscalYear: string;
  programId: string;
  asOf: string;
  createdBy: string | null;
  /** Payees per phase-1 job; default 1,000. */
  chunkSize?: number;
}

/**
 * Creates the run (rulebook and snapshot pinned, payees copied) and enqueues its flow: one chunk
 * job per ~1,000 payees and the run job as their parent. Null when no rulebook is published.
 */
export async function startRun(
  db: Kysely<Database>,
  jobs: JobRunner,
  input: StartRunInput,
): Promise<{ run: RunRecord; job: EnqueuedJob } | null> {
  const run = await createRun(db, { ...input, chunkSize: input.chunkSize ?? 1000 });
  if (!run) return null;
  const job = await enqueueRun(db, jobs, run);
  return { run, job };
}

/** Enqueues (again) the flow of a run; job ids are the run's, so a replay adds nothing. */
export function enqueueRun(db: Kysely<Database>, jobs: JobRunner, run: RunRecord): Promise<EnqueuedJob> {
  const chunk = runChunkJob(db) as JobDefinition;
  const children = Array.from({ length: run.chunks }, (_, chunkNo) => ({
    definition: chunk,
    payload: { runId: run.id, chunkNo },
    jobId: `run-${run.id}-chunk-${chunkNo}`,
  }));
  return jobs.enqueueFlow(
    { definition: runJob(db) as JobDefinition, payload: { runId: run.id }, jobId: `run-${run.id}` },
    children,
  );
}
