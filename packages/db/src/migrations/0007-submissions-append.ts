import { type Kysely, sql } from 'kysely';
import {
  checkSubmissionPayees,
  keepSubmittedParents,
  newRowsMustExist,
} from './0006-submissions-bulk-load.ts';

/**
 * Cheaper appends to `submissions`, measured with 1M rows COPYed in the order an agency's file
 * lists them (BENCHMARKS.md, Ingest):
 * - The foreign key to `submission_batches` ran a query per row (~6 s of server CPU per 1M rows).
 *   The statement-level check of 0006 now also checks the batches, in one anti-join per
 *   statement, and that each row's fiscal year and program are its batch's (the foreign key did
 *   not); a batch that has submissions cannot be deleted or renumbered.
 * - The current-version index on all seven key columns (~7 s per 1M rows: a random leaf page
 *   for every row, no deduplication) is replaced by one on the payee (fiscal_year, program_id,
 *   entity_id) (~2.5 s: one insertion point per payee, equal keys deduplicated). Every reader
 *   names the payees it wants: a run's chunk sorts its payees' rows in memory, and GET
 *   /submissions checks "no later version" among the rows of the same payee.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submissions drop constraint submissions_batch_id_fkey`.execute(db);
  // 0006's payee check, then each row's batch, of the same fiscal year and program.
  await checkSubmissionPayees(
    'create or replace',
    newRowsMustExist(
      'batch',
      'batch_id, fiscal_year, program_id',
      'submission_batches b',
      'b.id = n.batch_id and b.fiscal_year = n.fiscal_year and b.program_id = n.program_id',
    ),
  ).execute(db);
  await keepSubmittedParents(
    'quip_keep_submission_batches',
    ['id', 'fiscal_year', 'program_id'],
    '(select 1 from submissions s where s.batch_id = old.id)',
    'a batch with submissions cannot be deleted or renumbered',
  ).execute(db);
  await sql`
    create trigger submission_batches_keep_submitted
    before delete or update of id, fiscal_year, program_id on submission_batches
    for each row execute function quip_keep_submission_batches()
  `.execute(db);
  await sql`create index submissions_payee on submissions (fiscal_year, program_id, entity_id)`.execute(db);
  await sql`drop index submissions_current`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index submissions_current on submissions
    (fiscal_year, program_id, entity_id, measure, period, record_key, id)
  `.execute(db);
  await sql`drop index submissions_payee`.execute(db);
  await sql`drop trigger submission_batches_keep_submitted on submission_batches`.execute(db);
  await sql`drop function quip_keep_submission_batches`.execute(db);
  // The check as 0006 made it: payees only.
  await checkSubmissionPayees('create or replace').execute(db);
  await sql`
    alter table submissions add constraint submissions_batch_id_fkey foreign key (batch_id)
    references submission_batches (id)
  `.execute(db);
}
