import { type Database, finishRun, listRunChunks, listUnfinishedRuns, type RunRecord } from '@quip/db';
import type { Kysely } from 'kysely';
import { runChunkJob } from '../handlers/run-chunk-job.ts';
import { runJob } from '../handlers/run-job.ts';
import type { JobDefinition, JobRunner } from '../job-runner.ts';

/** The reason an interrupted run that could not be resumed ends failed with. */
export const INTERRUPTED_REASON = 'interrupted: the process stopped during the run; start it again';

export interface RecoveredRuns {
  /** Runs queued again from their stored chunks: the chunks not yet done, then phase 2. */
  resumed: number[];
  /** Runs ended failed with INTERRUPTED_REASON. */
  failed: number[];
}

/**
 * Ends or resumes the runs a dead process left queued or running. Call it only where no live process
 * can still be working on them: embedded mode at start-up (the process that opens the data folder is
 * the only one, and in-process queues die with it).
 *
 * `resume` (the default) enqueues each run's flow again: its chunks not yet done (a done chunk's
 * values are stored with it) and the run job as their parent, under the run's job ids. Every handler
 * is idempotent (values keyed by run and chunk, results and payments keyed, the snapshot and the
 * rulebook pinned on the run), so the resumed run ends with the totals an uninterrupted one has.
 * `fail` ends them failed with the reason instead; so does `resume` when a flow cannot be queued.
 */
export async function recoverInterruptedRuns(
  db: Kysely<Database>,
  jobs: JobRunner,
  options: { mode?: 'resume' | 'fail' } = {},
): Promise<RecoveredRuns> {
  const recovered: RecoveredRuns = { resumed: [], failed: [] };
  for (const run of await listUnfinishedRuns(db)) {
    if (options.mode !== 'fail') {
      try {
        await resumeRun(db, jobs, run);
        recovered.resumed.push(run.id);
        continue;
      } catch {
        // Not queued again: it ends failed below, so it does not stay running forever.
      }
    }
    if (await finishRun(db, run.id, { status: 'failed', reason: INTERRUPTED_REASON })) {
      recovered.failed.push(run.id);
    }
  }
  return recovered;
}

/** Enqueues the run's chunks not yet done and the run job as their parent, under the run's job ids. */
export async function resumeRun(db: Kysely<Database>, jobs: JobRunner, run: RunRecord): Promise<void> {
  const chunk = runChunkJob(db) as JobDefinition;
  const remaining = (await listRunChunks(db, run.id)).filter((c) => !c.done);
  await jobs.enqueueFlow(
    { definition: runJob(db) as JobDefinition, payload: { runId: run.id }, jobId: `run-${run.id}` },
    remaining.map((c) => ({
      definition: chunk,
      payload: { runId: run.id, chunkNo: c.chunkNo },
      jobId: `run-${run.id}-chunk-${c.chunkNo}`,
    })),
  );
}
