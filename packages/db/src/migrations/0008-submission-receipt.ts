import { type Kysely, sql } from 'kysely';

/**
 * Receipt and trust (CONTRACT.md "Submissions: receipt and trust"):
 * - `submission_batches.received_at`: the server's clock when the batch was accepted; every record
 *   of the batch carries it. Earlier batches take their creation time.
 * - `submissions.declared_on`: a `submittedOn` an admin declared for a historic record (null for
 *   every record received through the API). `submitted_on` stays the day the record counts as
 *   received for timeliness: the declared day, or `received_at`'s day in the program's time zone.
 *   Earlier rows whose day differs from their batch's are taken as declared.
 * - `submissions.findings`: the accuracy and completeness findings of the record when it was
 *   received (`[{path, message}]`), null when there were none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submission_batches add column received_at timestamptz`.execute(db);
  await sql`update submission_batches set received_at = created_at`.execute(db);
  await sql`alter table submission_batches alter column received_at set not null`.execute(db);
  await sql`alter table submissions add column declared_on date, add column findings jsonb`.execute(db);
  await sql`
    update submissions s set declared_on = s.submitted_on
    from submission_batches b
    where b.id = s.batch_id and s.submitted_on <> b.received_on
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submissions drop column declared_on, drop column findings`.execute(db);
  await sql`alter table submission_batches drop column received_at`.execute(db);
}
