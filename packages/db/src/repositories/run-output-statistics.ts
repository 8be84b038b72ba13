import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Refreshes the planner's statistics of the tables a run writes its output to, once its output
 * is stored. PGlite has no autovacuum and PostgreSQL's comes later: with statistics from before
 * the run, the planner took the run's results for a handful of rows and answered every page of
 * results (GET /runs/{id}/results) by reading and sorting all of them (9-18 ms for 300 payees of
 * the demo, growing with the run) instead of walking the key's index to the page.
 */
export async function refreshRunOutputStatistics(
  db: Kysely<Database> | Transaction<Database>,
): Promise<void> {
  await sql`analyze run_payees, run_results, run_payee_payments, run_payments`.execute(db);
}
