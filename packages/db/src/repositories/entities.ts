import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A payee of one program in one fiscal year: its id, name and program-specific fields. */
export interface EntityRecord {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
  updatedAt: string;
}

export interface EntityScope {
  fiscalYear: string;
  programId: string;
}

/** Inserts or replaces payees (by id); one multi-row statement per 1,000 payees. */
export async function upsertEntities(
  trx: Db,
  scope: EntityScope,
  entities: readonly { id: string; name: string; attributes: Record<string, unknown> }[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < entities.length; i += 1000) {
    const rows = await trx
      .insertInto('entities')
      .values(
        entities.slice(i, i + 1000).map((e) => ({
          fiscal_year: scope.fiscalYear,
          program_id: scope.programId,
          id: e.id,
          name: e.name,
          attributes: JSON.stringify(e.attributes),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['fiscal_year', 'program_id', 'id']).doUpdateSet({
          name: sql<string>`excluded.name`,
          attributes: sql<unknown>`excluded.attributes`,
          updated_at: sql<string>`now()`,
        }),
      )
      // xmax = 0 only for a freshly inserted row: tells inserts from updates.
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    inserted += rows.filter((r) => r.inserted).length;
  }
  return { inserted, updated: entities.length - inserted };
}

export interface EntityQuery extends EntityScope {
  /** Case-insensitive search in id and name. */
  q?: string;
  /** Attribute equals the text (a list attribute: contains it). */
  attributes?: Record<string, string>;
  /** null = all payees; otherwise only these ids. */
  ids: readonly string[] | null;
  afterId?: string;
  limit: number;
}

/** Payees ordered by id, a page at a time (keyset: pass the last id as `afterId`). */
export async function listEntities(db: Db, query: EntityQuery): Promise<EntityRecord[]> {
  let q = db
    .selectFrom('entities')
    .select(['id', 'name', 'attributes', 'updated_at as updatedAt'])
    .where('fiscal_year', '=', query.fiscalYear)
    .where('program_id', '=', query.programId)
    .orderBy('id')
    .limit(query.limit);
  if (query.ids !== null) {
    if (query.ids.length === 0) return [];
    q = q.where('id', 'in', query.ids);
  }
  if (query.afterId !== undefined) q = q.where('id', '>', query.afterId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('id', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  for (const [field, value] of Object.entries(query.attributes ?? {})) {
    q = q.where(
      sql<boolean>`(attributes ->> ${field} = ${value} or attributes -> ${field} @> jsonb_build_array(${value}::text))`,
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, attributes: (r.attributes ?? {}) as Record<string, unknown> }));
}

export async function findEntity(db: Db, scope: EntityScope, id: string): Promise<EntityRecord | null> {
  const [row] = await listEntities(db, { ...scope, ids: [id], limit: 1 });
  return row ?? null;
}

/** Every payee id of a program's year (to check submissions' entityId without a query per row). */
export async function listEntityIds(db: Db, scope: EntityScope): Promise<string[]> {
  const rows = await db
    .selectFrom('entities')
    .select('id')
    .where('fiscal_year', '=', scope.fiscalYear)
    .where('program_id', '=', scope.programId)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A page of a program year's payees with their fields, by id after `after`: what a submission
 * batch is checked against (is the payee known, does the measure apply to it). The rows as
 * stored; the caller builds a payee as the engine reads one (`{id, ...fields}`) only for the
 * payees its rows name, and reads a large program a page at a time.
 */
export async function listPayeesForChecks(
  db: Db,
  scope: EntityScope,
  page: { after: string | null; limit: number },
): Promise<{ id: string; attributes: Record<string, unknown> }[]> {
  let q = db
    .selectFrom('entities')
    .select(['id', 'attributes'])
    .where('fiscal_year', '=', scope.fiscalYear)
    .where('program_id', '=', scope.programId)
    .orderBy('id')
    .limit(page.limit);
  if (page.after !== null) q = q.where('id', '>', page.after);
  return (await q.execute()) as { id: string; attributes: Record<string, unknown> }[];
}
