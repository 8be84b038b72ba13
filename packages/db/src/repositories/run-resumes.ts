import { type Kysely, sql, type Transaction } from 'kysely';
import { ACTIVE_RUN_STATUSES } from '../runs-schema.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A run still queued or running, with how often it was resumed already. */
export interface UnfinishedRun {
  id: number;
  resumes: number;
}

/**
 * Runs still queued or running that nobody has started or resumed for `idleSeconds` (0: all). The
 * idle time keeps a run just created, or just resumed, out of reach while its jobs are being queued.
 */
export async function listIdleUnfinishedRuns(db: Db, idleSeconds: number): Promise<UnfinishedRun[]> {
  return db
    .selectFrom('runs')
    .select(['id', 'resumes'])
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .where(sql<boolean>`coalesce(resumed_at, created_at) <= now() - make_interval(secs => ${idleSeconds})`)
    .orderBy('id')
    .execute();
}

/**
 * Claims the next resume of a run: its resume count goes up by one, if the run is still going and
 * nobody claimed this resume first (two workers sweeping at once resume a run once). The new count,
 * or null when the claim was lost.
 */
export async function claimRunResume(db: Db, run: UnfinishedRun): Promise<number | null> {
  const row = await db
    .updateTable('runs')
    .set({ resumes: sql`resumes + 1`, resumed_at: sql`now()` })
    .where('id', '=', run.id)
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .where('resumes', '=', run.resumes)
    .returning('resumes')
    .executeTakeFirst();
  return row?.resumes ?? null;
}
