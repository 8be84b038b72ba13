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
 * period x record) of one chunk's payees: later submissions never change a run.
 */
export async function loadSnapshotSubmissions(
  db: Db,
  run: Pick<RunRecord, 'id' | 'fiscalYear' | 'programId' | 'snapshotSubmissionId'>,
  chunkNo: number,
): Promise<SnapshotSubmission[]> {
  const { rows } = await sql<SnapshotSubmission>`
    select distinct on (s.entity_id, s.measure, s.period, s.record_key)
      s.entity_id as "entityId", s.measure, s.period, s.submitted_on as "submittedOn", s.data
    from run_payees p
    join submissions s
      on s.fiscal_year = ${run.fiscalYear} and s.program_id = ${run.programId} and s.entity_id = p.entity_id
    where p.run_id = ${run.id} and p.chunk_no = ${chunkNo} and s.id <= ${run.snapshotSubmissionId}
    order by s.entity_id, s.measure, s.period, s.record_key, s.id desc
  `.execute(db);
  for (const r of rows) r.data ??= {};
  return rows;
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

/** Bulk insert through unnest, 5,000 rows a statement; rows already there are kept (a retry). */
export async function insertRunValues(db: Db, runId: number, rows: readonly RunValueRow[]): Promise<void> {
  for (let s = 0; s < rows.length; s += 5000) {
    const part = rows.slice(s, s + 5000);
    await sql`
      insert into run_values (run_id, entity_id, measure, value)
      select ${runId}, t.e, t.m, t.v::jsonb
      from unnest(${part.map((r) => r.entityId)}::text[], ${part.map((r) => r.measure)}::text[],
                  ${part.map((r) => r.json)}::text[]) as t(e, m, v)
      on conflict do nothing
    `.execute(db);
  }
}

/** Every stored phase-1 value of the run, as parsed JSON. */
export async function loadRunValues(db: Db, runId: number): Promise<Record<string, unknown>[]> {
  const rows = await db.selectFrom('run_values').select('value').where('run_id', '=', runId).execute();
  return rows.map((r) => r.value as Record<string, unknown>);
}

/** Values of some payees (the explanation of one payee recomputes from them). */
export async function countRunValues(db: Db, runId: number): Promise<number> {
  const row = await db
    .selectFrom('run_values')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
