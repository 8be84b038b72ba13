import { type Kysely, sql } from 'kysely';

/**
 * Submissions are loaded a million rows at a time (COPY on PostgreSQL), so the table is made cheap
 * to append to; measured with 1M rows (BENCHMARKS.md, Ingest):
 * - `data` is `json`, not `jsonb`: it is only ever stored and read back whole, never queried
 *   inside, and `json` input only validates the text (jsonb builds a binary tree: ~2 s per 1M).
 * - The current-version index `submissions_current` (all seven key columns) stays: it costs ~3 s
 *   of server CPU per 1M rows more than one on (fiscal_year, program_id, entity_id), but GET
 *   /submissions checks "no later version" per row, and without the full key each check reads
 *   all of a payee's rows from the table (a first page took over a minute after a 1M load).
 * - The foreign key to entities checked each row with a query of its own (~5 s per 1M); a
 *   statement-level trigger checks all the rows of a statement in one anti-join instead, and a
 *   payee that has submissions cannot be deleted or renamed (what the foreign key also refused).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submissions drop constraint submissions_entity`.execute(db);
  await sql`alter table submissions alter column data type json using data::json`.execute(db);
  await checkSubmissionPayees('create').execute(db);
  await sql`
    create trigger submissions_payees_exist after insert on submissions
    referencing new table as new_rows for each statement execute function quip_check_submission_payees()
  `.execute(db);
  await keepSubmittedParents(
    'quip_keep_submitted_payees',
    ['fiscal_year', 'program_id', 'id'],
    `(
        select 1 from submissions s
        where s.fiscal_year = old.fiscal_year and s.program_id = old.program_id and s.entity_id = old.id
      )`,
    'a payee with submissions cannot be deleted or renamed',
  ).execute(db);
  await sql`
    create trigger entities_keep_submitted before delete or update of fiscal_year, program_id, id on entities
    for each row execute function quip_keep_submitted_payees()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger entities_keep_submitted on entities`.execute(db);
  await sql`drop function quip_keep_submitted_payees`.execute(db);
  await sql`drop trigger submissions_payees_exist on submissions`.execute(db);
  await sql`drop function quip_check_submission_payees`.execute(db);
  await sql`alter table submissions alter column data type jsonb using data::jsonb`.execute(db);
  await sql`
    alter table submissions add constraint submissions_entity foreign key (fiscal_year, program_id, entity_id)
    references entities (fiscal_year, program_id, id)
  `.execute(db);
}

/**
 * The statement that makes `quip_check_submission_payees` (`create`, or `create or replace` where a
 * later migration changes it or puts it back): every payee a statement's new rows name must exist,
 * then `laterChecks` (more `newRowsMustExist`), then the trigger returns.
 */
export function checkSubmissionPayees(create: 'create' | 'create or replace', laterChecks = '') {
  const payees = newRowsMustExist(
    'payee',
    'fiscal_year, program_id, entity_id',
    'entities e',
    'e.fiscal_year = n.fiscal_year and e.program_id = n.program_id and e.id = n.entity_id',
  );
  return sql.raw(`
    ${create} function quip_check_submission_payees() returns trigger language plpgsql as $$
    begin
${payees}${laterChecks}      return null;
    end $$
  `);
}

/**
 * The check of a statement-level trigger that stands in for a foreign key of submissions: every
 * distinct `columns` of the statement's new rows (`n`) must find a row of `table` on `match`, else
 * a foreign_key_violation: the submission names a `noun` that does not exist.
 */
export function newRowsMustExist(noun: string, columns: string, table: string, match: string): string {
  return `      if exists (
        select 1 from (select distinct ${columns} from new_rows) n
        where not exists (
          select 1 from ${table}
          where ${match}
        )
      ) then
        raise foreign_key_violation using message = 'a submission names a ${noun} that does not exist';
      end if;
`;
}

/**
 * The statement that makes the row trigger function `name`, the other half of such a foreign key:
 * an update that keeps the parent's `key` columns passes; otherwise, while `submitted` (an
 * `exists` subquery over `old`) finds submissions, the delete or update is refused with `message`.
 */
export function keepSubmittedParents(name: string, key: string[], submitted: string, message: string) {
  const row = (version: string) => key.map((column) => `${version}.${column}`).join(', ');
  return sql.raw(`
    create function ${name}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (${row('new')}) = (${row('old')}) then
        return new;
      end if;
      if exists ${submitted} then
        raise foreign_key_violation using message = '${message}';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$
  `);
}
