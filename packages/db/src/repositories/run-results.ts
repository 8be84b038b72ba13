import { type Kysely, sql, type Transaction } from 'kysely';
import type { RunResultTable } from '../runs-schema.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A result as phase 2 writes it: the scored columns as run_results has them, keyed by payee and measure. */
export interface RunResultRow extends Pick<RunResultTable, 'status' | 'value' | 'target' | 'met' | 'points'> {
  entityId: string;
  measure: string;
  /** The whole scored MeasureResult as JSON text (may be compacted by the caller). */
  json: string;
}

/** Bulk insert keyed (run, payee, measure) as one JSON document per 5,000; a retried phase 2 writes nothing twice. */
export async function insertRunResults(db: Db, runId: number, rows: readonly RunResultRow[]): Promise<void> {
  await inParallel(db, Math.ceil(rows.length / 5000), async (k) => {
    const part = rows.slice(k * 5000, (k + 1) * 5000);
    const doc = `[${part
      .map((r) =>
        JSON.stringify([r.entityId, r.measure, r.status, r.value, r.target, r.met, r.points]).replace(
          /]$/,
          `,${r.json}]`,
        ),
      )
      .join(',')}]`;
    await sql`
      insert into run_results (run_id, entity_id, measure, status, value, target, met, points, result)
      select ${runId}, x->>0, x->>1, x->>2, (x->>3)::float8, (x->>4)::float8, (x->>5)::bool,
             (x->>6)::float8, x->7
      from jsonb_array_elements(${doc}::jsonb) as x
      on conflict do nothing
    `.execute(db);
  });
}

/**
 * Runs batch k = 0..n-1, three at a time on the pool (PostgreSQL inserts on several connections
 * use several cores); one after the other inside a transaction, which has one connection.
 */
export async function inParallel(db: Db, n: number, work: (k: number) => Promise<void>): Promise<void> {
  const lanes = db.isTransaction ? 1 : 3;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, n) }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

export interface RunResultQuery {
  runId: number;
  /** null = every payee; otherwise only these (a submitter's own). */
  entityIds: readonly string[] | null;
  entityId?: string;
  measure?: string;
  /** Key of the last row of the previous page. */
  after?: { entityId: string; measure: string };
  limit: number;
}

export interface StoredRunResult {
  entityId: string;
  /** The payee's name as the run copied it. */
  name: string;
  measure: string;
  /** The stored JSON of the result, as the run wrote it. */
  result: Record<string, unknown>;
}

/**
 * Results by payee then measure, a page at a time, each with its payee's name as the run copied it.
 * The page is taken first, in the results' key order, and only its rows are joined to the names:
 * joined first, a planner without fresh statistics (PGlite never analyzes by itself) read every
 * result of the run and sorted them for each page.
 */
export async function listRunResults(db: Db, query: RunResultQuery): Promise<StoredRunResult[]> {
  if (query.entityIds !== null && query.entityIds.length === 0) return [];
  let page = db
    .selectFrom('run_results')
    .select(['entity_id', 'measure', 'result'])
    .where('run_id', '=', query.runId)
    .orderBy('entity_id')
    .orderBy('measure')
    .limit(query.limit);
  if (query.entityIds !== null) page = page.where('entity_id', 'in', query.entityIds);
  if (query.entityId !== undefined) page = page.where('entity_id', '=', query.entityId);
  if (query.measure !== undefined) page = page.where('measure', '=', query.measure);
  const after = query.after;
  if (after) page = page.where(sql<boolean>`(entity_id, measure) > (${after.entityId}, ${after.measure})`);
  const rows = await db
    .selectFrom(page.as('r'))
    .innerJoin('run_payees as e', (j) =>
      j.onRef('e.entity_id', '=', 'r.entity_id').on('e.run_id', '=', query.runId),
    )
    .select(['r.entity_id', 'e.name', 'r.measure', 'r.result'])
    .orderBy('r.entity_id')
    .orderBy('r.measure')
    .execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    name: r.name,
    measure: r.measure,
    result: r.result as Record<string, unknown>,
  }));
}

/** Payees with results (the count check compares it with the run's payees). */
export async function countRunResultPayees(db: Db, runId: number): Promise<number> {
  const row = await db
    .selectFrom('run_results')
    .select(sql<number>`count(distinct entity_id)::int`.as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
