import { type Kysely, sql } from 'kysely';

/**
 * GET /submissions asks for the current version of each record, a page at a time by id. "No later
 * version" was checked among all the rows of the payee (~1 s a page on PGlite for payees of 12,500
 * rows, BENCHMARKS.md "Submission listing"); the payee index now also orders a payee's rows by a
 * hash of the record (measure, period, record key) and then by id, so the check is one probe that
 * is empty unless a later version exists. A hash, not the columns: the record key is a JSON text
 * of ~25 bytes, and the seven-column index of 0006 cost twice the server CPU of this one per 1M
 * rows. Readers of a payee's rows (a run's chunk) use its first three columns as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index submissions_record on submissions (
      fiscal_year, program_id, entity_id,
      (hashtextextended(record_key, hashtextextended(period, hashtextextended(measure, 0)))), id
    )
  `.execute(db);
  await sql`drop index submissions_payee`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index submissions_payee on submissions (fiscal_year, program_id, entity_id)`.execute(db);
  await sql`drop index submissions_record`.execute(db);
}
