import { type Database, type RunRecord, runPaymentTotals } from '@quip/db';
import type { Kysely } from 'kysely';
import { canSeeEntity, type Principal, scopedEntityIds } from '../auth/principal.ts';
import { problems } from '../http/problem.ts';
import { requireRun } from '../runs/run-view.ts';

/** Published to its payees: preliminary (open for review) or final. */
export function isPublished(run: RunRecord): boolean {
  return run.stage === 'preliminary' || run.stage === 'final';
}

/** The payees of the run the principal may see: null = all (admins, analysts). */
export function visiblePayees(principal: Principal, run: RunRecord): readonly string[] | null {
  return scopedEntityIds(principal, { program: run.programId, fiscalYear: run.fiscalYear });
}

/**
 * The run as the principal may see it, else 404 exactly as for a run that does not exist: a
 * submitter sees a run only once it is published (preliminary or final) and only when the run has
 * one of its payees.
 */
export async function requireVisibleRun(
  db: Kysely<Database>,
  principal: Principal,
  id: string,
): Promise<RunRecord> {
  const run = await requireRun(db, id);
  if (principal.role !== 'submitter') return run;
  const own = visiblePayees(principal, run);
  if (!isPublished(run) || own === null || own.length === 0)
    throw problems.notFound(`Run ${id} does not exist.`);
  const hit = await db
    .selectFrom('run_payees')
    .select('entity_id')
    .where('run_id', '=', run.id)
    .where('entity_id', 'in', own)
    .limit(1)
    .executeTakeFirst();
  if (!hit) throw problems.notFound(`Run ${id} does not exist.`);
  return run;
}

/** One payee of a visible run, else 404 (another's payee answers as one the run does not have). */
export function requireVisiblePayee(principal: Principal, run: RunRecord, entityId: string): void {
  if (!canSeeEntity(principal, { program: run.programId, fiscalYear: run.fiscalYear }, entityId)) {
    throw problems.notFound('The run has no such payee.');
  }
}

/** A run's view narrowed for a submitter: totals of its own payees only, and no run-wide issues. */
export async function narrowForSubmitter<V extends { totals: unknown; issues: unknown }>(
  db: Kysely<Database>,
  principal: Principal,
  run: RunRecord,
  view: V,
): Promise<V> {
  const own = visiblePayees(principal, run);
  if (own === null) return view;
  return { ...view, totals: await runPaymentTotals(db, run.id, own), issues: null };
}
