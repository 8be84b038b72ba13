import { type Kysely, sql } from 'kysely';

/**
 * How often a run was resumed after the process or the queue working on it was lost (`resumes`),
 * and when last (`resumed_at`). Each resume queues the run's remaining jobs under new job ids
 * (numbered by `resumes`), and a run interrupted too many times ends failed instead of looping
 * (issue 14, item 3).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table runs
      add column resumes integer not null default 0,
      add column resumed_at timestamptz
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table runs drop column resumes, drop column resumed_at`.execute(db);
}
