import { type Kysely, sql } from 'kysely';

/**
 * Review and correction (issue 16). A run's `stage` says who may see it and whether it can still
 * change: `none` (administrators and analysts only), `preliminary` (published to its payees'
 * submitters, who may file review requests until `review_until`, inclusive, in the rulebook's time
 * zone) and `final` (the program's official run of the year). `official` stays, as a column the
 * database derives from the stage (one concept, one column to write): the one official run is the
 * final one, and at most one run of a program and year is final.
 *
 * `review_requests` holds what a payee disputes on a preliminary run: a measure or a payment line,
 * the reason, optionally the proposed value and corrected records (as submission objects, checked
 * as an upload checks them); an administrator accepts (the corrections are stored as a submission
 * batch, `correction_batch_id`) or rejects it (with the note the payee reads).
 */
const STATEMENTS = [
  `alter table runs
    add column stage text not null default 'none' check (stage in ('none', 'preliminary', 'final')),
    add column review_until date,
    add column published_at timestamptz`,
  `update runs set stage = 'final', published_at = coalesce(finished_at, now()) where official`,
  'alter table runs drop column official',
  `alter table runs add column official boolean generated always as (stage = 'final') stored`,
  `create unique index runs_one_final on runs (fiscal_year, program_id) where stage = 'final'`,
  `create index runs_published on runs (fiscal_year, program_id, id) where stage <> 'none'`,
  `create table review_requests (
    id bigint generated always as identity primary key,
    run_id bigint not null references runs (id),
    program_id text not null,
    fiscal_year text not null,
    entity_id text collate "C" not null,
    measure text,
    line_key text,
    reason text not null,
    proposed_value jsonb,
    corrections jsonb,
    status text not null default 'open' check (status in ('open', 'accepted', 'rejected')),
    decision_note text,
    decided_by text,
    decided_at timestamptz,
    correction_batch_id bigint references submission_batches (id),
    created_by text not null,
    created_at timestamptz not null default now(),
    constraint review_requests_decided check (
      (status = 'open' and decided_by is null and decided_at is null)
      or (status <> 'open' and decided_by is not null and decided_at is not null)
    )
  )`,
  'create index review_requests_run on review_requests (run_id, status)',
  'create index review_requests_program on review_requests (program_id, fiscal_year, entity_id, id)',
  `create index review_requests_open on review_requests (program_id, fiscal_year) where status = 'open'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table review_requests`.execute(db);
  await sql`drop index runs_one_final`.execute(db);
  await sql`drop index runs_published`.execute(db);
  await sql`alter table runs add column official_mark boolean not null default false`.execute(db);
  await sql`update runs set official_mark = official`.execute(db);
  await sql`alter table runs drop column official`.execute(db);
  await sql`alter table runs rename column official_mark to official`.execute(db);
  await sql`alter table runs drop column stage, drop column review_until, drop column published_at`.execute(
    db,
  );
}
