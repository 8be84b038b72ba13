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
 * period x record) of some payees (a chunk): later submissions never change a run. Payee by
 * payee (a lateral join over the list): each payee's ~80 rows come from the payee index and are
 * sorted on their own, which costs the server about a third less than sorting the chunk's
 * ~80,000 rows at once. Rows come payee by payee in the list's order, then by measure, period
 * and record key.
 */
export async function loadSnapshotSubmissions(
  db: Db,
  run: Pick<RunRecord, 'fiscalYear' | 'programId' | 'snapshotSubmissionId'>,
  entityIds: readonly string[],
): Promise<SnapshotSubmission[]> {
  if (entityIds.length === 0) return [];
  // One JSON document for the chunk: a single parse in Node instead of a row object and a parse
  // of `data` per submission (a chunk holds ~40,000 of them).
  const { rows } = await sql<{ doc: string | null }>`
    select json_agg(json_build_array(p.id, x.measure, x.period, x.submitted_on, x.data))::text as doc
    from unnest(${entityIds}::text[]) as p(id)
    cross join lateral (
      select distinct on (s.measure, s.period, s.record_key) s.measure, s.period, s.submitted_on, s.data
      from submissions s
      where s.fiscal_year = ${run.fiscalYear} and s.program_id = ${run.programId}
        and s.entity_id = p.id and s.id <= ${run.snapshotSubmissionId}
      order by s.measure, s.period, s.record_key, s.id desc
    ) x
  `.execute(db);
  const doc = rows[0]?.doc;
  if (!doc) return [];
  const parsed = JSON.parse(doc) as [string, string, string, string | null, Record<string, unknown> | null][];
  const out = new Array<SnapshotSubmission>(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const [entityId, measure, period, submittedOn, data] = parsed[i] as (typeof parsed)[number];
    out[i] = { entityId, measure, period, submittedOn, data: data ?? {} };
  }
  return out;
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

/**
 * Stores a chunk's values (the caller's JSON document) keyed (run, chunk); a retry of the chunk
 * finds the row there and writes nothing.
 */
export async function insertRunValues(
  db: Db,
  runId: number,
  chunkNo: number,
  payees: number,
  doc: string,
): Promise<void> {
  await sql`
    insert into run_values (run_id, chunk_no, payees, values)
    values (${runId}, ${chunkNo}, ${payees}, ${doc}::json)
    on conflict do nothing
  `.execute(db);
}

/** The stored value documents of a run's chunks, parsed, in chunk order. */
export async function loadRunValueDocs(db: Db, runId: number): Promise<unknown[]> {
  const rows = await db
    .selectFrom('run_values')
    .select('values')
    .where('run_id', '=', runId)
    .orderBy('chunk_no')
    .execute();
  return rows.map((r) => r.values);
}
