import { type Database, findRun, type RunRecord, runProgress } from '@quip/db';
import type { Kysely } from 'kysely';
import { problems } from '../http/problem.ts';

/** A run as the API shows it, progress included. */
export async function runView(db: Kysely<Database>, run: RunRecord) {
  return {
    id: run.id,
    fiscalYear: run.fiscalYear,
    program: run.programId,
    status: run.status,
    progress: await runProgress(db, run.id),
    totals: run.totals,
    reason: run.reason,
    rulebook: { version: run.rulebookVersion, contentHash: run.contentHash },
    rulebookVersion: run.rulebookVersion,
    snapshot: { submissionId: run.snapshotSubmissionId },
    asOf: run.asOf,
    official: run.official,
    stage: run.stage,
    reviewUntil: run.reviewUntil,
    publishedAt: run.publishedAt,
    issues: (run.issues ?? null) as Record<string, unknown>[] | null,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/** The run, or 404. */
export async function requireRun(db: Kysely<Database>, id: string): Promise<RunRecord> {
  const run = await findRun(db, Number(id));
  if (!run) throw problems.notFound(`Run ${id} does not exist.`);
  return run;
}

/** 409 unless the run succeeded: only a succeeded run can be published or marked official. */
export function requireSucceeded(run: RunRecord): void {
  if (run.status !== 'succeeded') throw problems.conflict(`Run ${run.id} did not succeed (${run.status}).`);
}

/** Only a succeeded run has output to show; a run still going or failed answers 409 with its state. */
export function requireOutput(run: RunRecord): void {
  if (run.status !== 'succeeded')
    throw problems.conflict(`Run ${run.id} has no results: it is ${run.status}.`);
}
