import { type Kysely, sql } from 'kysely';

/**
 * An in-progress Idempotency-Key claim names the process that holds it (`owner`, an id each process
 * draws at start-up), the claim itself (`claim_id`, so a release or an answer touches only its own
 * claim, never one a retry took over) and when its holder last said it is still working
 * (`heartbeat_at`). A retry that finds a claim whose holder is gone takes it over at once, instead
 * of waiting 15 minutes for it to go stale (issue 14, item 4). Claims from before this migration
 * have no owner: they belong to no running process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table idempotency_records
      add column owner text,
      add column claim_id text,
      add column heartbeat_at timestamptz not null default now()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table idempotency_records
      drop column owner,
      drop column claim_id,
      drop column heartbeat_at
  `.execute(db);
}
