import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { RunRecord } from './runs.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A payee as core evaluates it: `{ id, name, ...attributes }`, as the run copied it. */
export type RunPayee = { id: string; name: string } & Record<string, unknown>;

export interface SnapshotSubmission {
  entityId: string;
  measure: string;
  period: string;
  submittedOn: string | null;
  data: Record<string, unknown>;
}

/** The run's payees of one chunk (or all, chunk undefined), by id. */
export async function loadRunPayees(db: Db, runId: number, chunkNo?: number): Promise<RunPayee[]> {
  let q = db
    .selectFrom('run_payees')
    .select(['entity_id', 'name', 'attributes'])
    .where('run_id', '=', runId)
    .orderBy('entity_id');
  if (chunkNo !== undefined) q = q.where('chunk_no', '=', chunkNo);
  const rows = await q.execute();
  return rows.map((r) => ({ ...(r.attributes as Record<string, unknown>), id: r.entity_id, name: r.name }));
}

/**
 * The submissions current at the run's snapshot (latest id <= snapshot per entity x measure x
 * period x record) of some payees (a chunk): later submissions never change a run. A chunk is a
 * range of payee ids, and saying so lets the planner read the payee index instead of scanning
 * every submission of the program (the list alone is estimated as a large share of the table).
 */
export async function loadSnapshotSubmissions(
  db: Db,
  run: Pick<RunRecord, 'fiscalYear' | 'programId' | 'snapshotSubmissionId'>,
  entityIds: readonly string[],
): Promise<SnapshotSubmission[]> {
  if (entityIds.length === 0) return [];
  // One JSON document for the chunk: a single parse in Node instead of a row object and a parse
  // of `data` per submission (a chunk holds ~30,000 of them).
  const { rows } = await sql<{ doc: string | null }>`
    select json_agg(json_build_array(x.entity_id, x.measure, x.period, x.submitted_on, x.data))::text as doc
    from (
      select distinct on (s.entity_id, s.measure, s.period, s.record_key)
        s.entity_id, s.measure, s.period, s.submitted_on, s.data
      from submissions s
      where s.fiscal_year = ${run.fiscalYear} and s.program_id = ${run.programId}
        and s.entity_id = any(${entityIds}::text[]) and s.id <= ${run.snapshotSubmissionId}
        and s.entity_id between (select min(x collate "default") from unnest(${entityIds}::text[]) x)
                            and (select max(x collate "default") from unnest(${entityIds}::text[]) x)
      order by s.entity_id, s.measure, s.period, s.record_key, s.id desc
    ) x
  `.execute(db);
  const doc = rows[0]?.doc;
  if (!doc) return [];
  const parsed = JSON.parse(doc) as [string, string, string, string | null, Record<string, unknown> | null][];
  return parsed.map(([entityId, measure, period, submittedOn, data]) => ({
    entityId,
    measure,
    period,
    submittedOn,
    data: data ?? {},
  }));
}

/** Chunk numbers of the run, done or not. */
export async function listRunChunks(db: Db, runId: number): Promise<{ chunkNo: number; done: boolean }[]> {
  const rows = await db
    .selectFrom('run_chunks')
    .select(['chunk_no', 'done_at'])
    .where('run_id', '=', runId)
    .orderBy('chunk_no')
    .execute();
  return rows.map((r) => ({ chunkNo: r.chunk_no, done: r.done_at !== null }));
}

/** Marks a chunk's phase 1 done; only the first call counts (progress never counts a chunk twice). */
export async function markChunkDone(db: Db, runId: number, chunkNo: number): Promise<void> {
  await db
    .updateTable('run_chunks')
    .set({ done_at: sql`now()` })
    .where('run_id', '=', runId)
    .where('chunk_no', '=', chunkNo)
    .where('done_at', 'is', null)
    .execute();
}

export interface RunValueRow {
  entityId: string;
  measure: string;
  /** The phase-1 MeasureResult as JSON text. */
  json: string;
}

/**
 * Stores a chunk's values as one JSON document keyed (run, chunk); a retry of the chunk finds
 * the row there and writes nothing.
 */
export async function insertRunValues(
  db: Db,
  runId: number,
  chunkNo: number,
  payees: number,
  rows: readonly RunValueRow[],
): Promise<void> {
  const doc = `[${rows.map((r) => `[${JSON.stringify(r.entityId)},${JSON.stringify(r.measure)},${r.json}]`).join(',')}]`;
  await sql`
    insert into run_values (run_id, chunk_no, payees, values)
    values (${runId}, ${chunkNo}, ${payees}, ${doc}::json)
    on conflict do nothing
  `.execute(db);
}

/** Every stored phase-1 value of the run: key columns and the stored (compact) JSON. */
export async function loadRunValues(
  db: Db,
  runId: number,
): Promise<{ entityId: string; measure: string; value: Record<string, unknown> }[]> {
  const rows = await db.selectFrom('run_values').select('values').where('run_id', '=', runId).execute();
  const out: { entityId: string; measure: string; value: Record<string, unknown> }[] = [];
  for (const row of rows) {
    for (const [entityId, measure, value] of row.values as [string, string, Record<string, unknown>][]) {
      out.push({ entityId, measure, value });
    }
  }
  return out;
}
