import { type Kysely, sql } from 'kysely';

/**
 * Why a rulebook version was published (issue 17): the change note the administrator writes when
 * publishing, kept on the published revision beside `note` (which says where a revision came
 * from: the catalog, a clone). Set once, in the same update that publishes the draft; the frozen
 * trigger refuses any later change to a published revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rulebook_revisions add column publish_note text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rulebook_revisions drop column publish_note`.execute(db);
}
