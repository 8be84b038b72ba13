import { type Kysely, sql } from 'kysely';

/**
 * A submitter key's scope named bare payee ids, which held in every program and fiscal year: the
 * same id in another program (another payee altogether) was in scope too. Entries now name the
 * program, and optionally the year: `program:entityId` or `program/2026-27:entityId`. A stored
 * bare id becomes one entry per program that has a payee of that id today (in any year), so no key
 * loses a payee it could see; an id that names no payee anywhere granted nothing and is dropped.
 * A key left with no entry sees nothing (an admin re-scopes it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update api_keys k
    set entity_ids = coalesce(
      (
        select array_agg(scoped order by scoped)
        from (
          select distinct e.program_id || ':' || e.id as scoped
          from unnest(k.entity_ids) as s(id)
          join entities e on e.id = s.id
        ) as found
      ),
      '{}'::text[]
    )
    where k.entity_ids is not null
  `.execute(db);
}

/** Back to bare ids: the program (and year) before the first colon is dropped. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update api_keys k
    set entity_ids = coalesce(
      (
        select array_agg(distinct substr(s.entry, strpos(s.entry, ':') + 1))
        from unnest(k.entity_ids) as s(entry)
      ),
      '{}'::text[]
    )
    where k.entity_ids is not null
  `.execute(db);
}
