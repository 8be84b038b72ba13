import {
  claimRunResume,
  type Database,
  finishRun,
  listIdleUnfinishedRuns,
  listRunChunks,
  type UnfinishedRun,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { runChunkJob } from '../handlers/run-chunk-job.ts';
import { runJob } from '../handlers/run-job.ts';
import type { JobDefinition, JobRunner } from '../job-runner.ts';
import { runJobIds } from './run-job-ids.ts';

/** The reason an interrupted run that could not be resumed ends failed with. */
export const INTERRUPTED_REASON = 'interrupted: the process stopped during the run; start it again';

/** Resumes after which an interrupted run ends failed instead of being resumed again. */
export const MAX_RUN_RESUMES = 3;

/** The reason a run interrupted more than MAX_RUN_RESUMES times ends failed with. */
export const TOO_OFTEN_INTERRUPTED_REASON = `interrupted too many times: resumed ${MAX_RUN_RESUMES} times and interrupted again; start it again`;

export interface RecoveredRuns {
  /** Runs queued again from their stored chunks: the chunks not yet done, then phase 2. */
  resumed: number[];
  /** Runs ended failed with a reason. */
  failed: number[];
}

/**
 * Ends or resumes the runs a dead process left queued or running. Call it only where no live process
 * can still be working on them: embedded mode at start-up (the process that opens the data folder is
 * the only one, and in-process queues die with it).
 *
 * `resume` (the default) enqueues each run's flow again: its chunks not yet done (a done chunk's
 * values are stored with it) and the run job as their parent. Every handler is idempotent (values
 * keyed by run and chunk, results and payments keyed, the snapshot and the rulebook pinned on the
 * run), so the resumed run ends with the totals an uninterrupted one has. `fail` ends them failed
 * with the reason instead; so does `resume` when a flow cannot be queued, or when the run was
 * resumed MAX_RUN_RESUMES times already.
 */
export async function recoverInterruptedRuns(
  db: Kysely<Database>,
  jobs: JobRunner,
  options: { mode?: 'resume' | 'fail' } = {},
): Promise<RecoveredRuns> {
  const recovered: RecoveredRuns = { resumed: [], failed: [] };
  for (const run of await listIdleUnfinishedRuns(db, 0)) {
    await recoverRun(db, jobs, run, options.mode ?? 'resume', recovered);
  }
  return recovered;
}

/**
 * Scaled mode's sweep, run by every worker now and then: a run still queued or running whose run job
 * is no longer waiting or active in the queue (gone with a Redis that lost its data, or failed for
 * good after its workers died too often) is an orphan, resumed or failed as at embedded start-up.
 * A run whose jobs are still queued is left to them: BullMQ hands a dead worker's job to another.
 * Runs created or resumed less than `idleSeconds` ago are left alone while their jobs are queued.
 */
export async function recoverOrphanRuns(
  db: Kysely<Database>,
  jobs: JobRunner,
  options: { idleSeconds: number },
): Promise<RecoveredRuns> {
  const recovered: RecoveredRuns = { resumed: [], failed: [] };
  for (const run of await listIdleUnfinishedRuns(db, options.idleSeconds)) {
    const state = await jobs.jobState({ queue: 'quip-run', id: runJobIds(run.id, run.resumes).parent });
    if (state === 'waiting' || state === 'active') continue;
    await recoverRun(db, jobs, run, 'resume', recovered);
  }
  return recovered;
}

async function recoverRun(
  db: Kysely<Database>,
  jobs: JobRunner,
  run: UnfinishedRun,
  mode: 'resume' | 'fail',
  recovered: RecoveredRuns,
): Promise<void> {
  let reason = INTERRUPTED_REASON;
  if (mode === 'resume' && run.resumes >= MAX_RUN_RESUMES) reason = TOO_OFTEN_INTERRUPTED_REASON;
  else if (mode === 'resume') {
    // Claimed first, so two workers sweeping at once resume a run once, under one set of job ids.
    const resumes = await claimRunResume(db, run);
    if (resumes === null) return; // ended meanwhile, or resumed by another process
    try {
      await resumeRun(db, jobs, run.id, resumes);
      recovered.resumed.push(run.id);
      return;
    } catch {
      // Not queued again: it ends failed below, so it does not stay running forever.
    }
  }
  if (await finishRun(db, run.id, { status: 'failed', reason })) recovered.failed.push(run.id);
}

/** Enqueues the run's chunks not yet done and the run job as their parent, under this resume's job ids. */
async function resumeRun(
  db: Kysely<Database>,
  jobs: JobRunner,
  runId: number,
  resumes: number,
): Promise<void> {
  const chunk = runChunkJob(db) as JobDefinition;
  const ids = runJobIds(runId, resumes);
  const remaining = (await listRunChunks(db, runId)).filter((c) => !c.done);
  await jobs.enqueueFlow(
    { definition: runJob(db) as JobDefinition, payload: { runId }, jobId: ids.parent },
    remaining.map((c) => ({
      definition: chunk,
      payload: { runId, chunkNo: c.chunkNo },
      jobId: ids.chunk(c.chunkNo),
    })),
  );
}
