import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSubmissionBatch {
  fiscalYear: string;
  programId: string;
  keyId: string | null;
  format: string;
  receivedOn: string;
}

/** Opens a batch (row count 0); its rows go in with insertSubmissionRows, then finishSubmissionBatch. */
export async function createSubmissionBatch(
  trx: Transaction<Database>,
  batch: NewSubmissionBatch,
): Promise<number> {
  const row = await trx
    .insertInto('submission_batches')
    .values({
      fiscal_year: batch.fiscalYear,
      program_id: batch.programId,
      key_id: batch.keyId,
      row_count: 0,
      format: batch.format,
      received_on: batch.receivedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishSubmissionBatch(
  trx: Transaction<Database>,
  batchId: number,
  rows: number,
): Promise<void> {
  await trx.updateTable('submission_batches').set({ row_count: rows }).where('id', '=', batchId).execute();
}

/**
 * One submission row, already checked, as the JSON text of `{e, m, p, k, s, d}`: entity id,
 * measure, period, record key ('' when the measure has none), submittedOn and the data object
 * (or its JSON text when the caller wrote it already). Writing the rows as one JSON array lets
 * PostgreSQL parse a whole chunk in one statement.
 */
export function submissionRowJson(
  entityId: string,
  measure: string,
  period: string,
  recordKey: string,
  submittedOn: string,
  data: Record<string, unknown> | string,
): string {
  if (typeof data !== 'string') {
    return JSON.stringify({ e: entityId, m: measure, p: period, k: recordKey, s: submittedOn, d: data });
  }
  const head = JSON.stringify({ e: entityId, m: measure, p: period, k: recordKey, s: submittedOn });
  return `${head.slice(0, -1)},"d":${data}}`;
}

/** Inserts a chunk of rows (texts from submissionRowJson) in one statement. */
export async function insertSubmissionRows(
  trx: Transaction<Database>,
  batch: { id: number; fiscalYear: string; programId: string },
  rowJsons: readonly string[],
): Promise<void> {
  if (rowJsons.length === 0) return;
  await sql`
    insert into submissions (batch_id, fiscal_year, program_id, entity_id, measure, period, record_key, submitted_on, data)
    select ${batch.id}::bigint, ${batch.fiscalYear}, ${batch.programId}, r.e, r.m, r.p, r.k, r.s::date, r.d
    from json_to_recordset(${`[${rowJsons.join(',')}]`}::json) as r(e text, m text, p text, k text, s text, d json)
  `.execute(trx);
}

export interface SubmissionRecord {
  id: number;
  batchId: number;
  entityId: string;
  measure: string;
  period: string;
  submittedOn: string;
  data: Record<string, unknown>;
}

export interface SubmissionQuery {
  fiscalYear: string;
  programId: string;
  entityId?: string;
  measure?: string;
  period?: string;
  /** null = every payee; otherwise only these. */
  entityIds: readonly string[] | null;
  /** Every version (true) or only the current one per entity x measure x period x record. */
  history: boolean;
  afterId?: number;
  limit: number;
}

/** Submissions by id (oldest first), a page at a time; current = the latest of each record. */
export async function listSubmissions(db: Db, query: SubmissionQuery): Promise<SubmissionRecord[]> {
  if (query.entityIds !== null && query.entityIds.length === 0) return [];
  let q = db
    .selectFrom('submissions as s')
    .select([
      's.id',
      's.batch_id as batchId',
      's.entity_id as entityId',
      's.measure',
      's.period',
      's.submitted_on as submittedOn',
      's.data',
    ])
    .where('s.fiscal_year', '=', query.fiscalYear)
    .where('s.program_id', '=', query.programId)
    .orderBy('s.id')
    .limit(query.limit);
  if (query.entityIds !== null) q = q.where('s.entity_id', 'in', query.entityIds);
  if (query.entityId !== undefined) q = q.where('s.entity_id', '=', query.entityId);
  if (query.measure !== undefined) q = q.where('s.measure', '=', query.measure);
  if (query.period !== undefined) q = q.where('s.period', '=', query.period);
  if (query.afterId !== undefined) q = q.where('s.id', '>', query.afterId);
  if (!query.history) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submissions as n')
            .select(sql`1`.as('one'))
            .whereRef('n.fiscal_year', '=', 's.fiscal_year')
            .whereRef('n.program_id', '=', 's.program_id')
            .whereRef('n.entity_id', '=', 's.entity_id')
            .whereRef('n.measure', '=', 's.measure')
            .whereRef('n.period', '=', 's.period')
            .whereRef('n.record_key', '=', 's.record_key')
            .whereRef('n.id', '>', 's.id'),
        ),
      ),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }));
}
