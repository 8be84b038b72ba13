import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { recordHash } from './submission-record-hash.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSubmissionBatch {
  fiscalYear: string;
  programId: string;
  keyId: string | null;
  format: string;
  /** The day received in the program's time zone. */
  receivedOn: string;
  /** The server's clock when the batch was accepted (ISO 8601 UTC); default the database's. */
  receivedAt?: string;
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
      received_at: batch.receivedAt ?? sql<string>`now()`,
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
 * How one submission row, already checked, is written for storage: entity id, measure, period,
 * record key ('' when the measure has none), the day it counts as received (YYYY-MM-DD), the data
 * object (or its JSON text when the caller wrote it already), and the admin-declared submittedOn
 * and the findings' JSON text (null when there are none). Implemented by submissionRowJson (for
 * insertSubmissionRows) and submissionCopyLine (for SubmissionCopy).
 */
export type SubmissionRowFormat = (
  entityId: string,
  measure: string,
  period: string,
  recordKey: string,
  submittedOn: string,
  data: Record<string, unknown> | string,
  declaredOn?: string | null,
  findings?: string | null,
) => string;

/**
 * A row as the JSON text of `{e, m, p, k, s, d, o?, f?}` (the arguments in order; `o` and `f` only
 * when not null). Writing the rows as one JSON array lets PostgreSQL parse a whole chunk in one
 * statement.
 */
export const submissionRowJson: SubmissionRowFormat = (e, m, p, k, s, d, o = null, f = null) => {
  const extra = `${o === null ? '' : `,"o":"${o}"`}${f === null ? '' : `,"f":${f}`}`;
  const head = JSON.stringify({ e, m, p, k, s });
  const json = typeof d === 'string' ? d : JSON.stringify(d);
  return `${head.slice(0, -1)},"d":${json}${extra}}`;
};

/** Inserts a chunk of rows (texts from submissionRowJson) in one statement. */
export async function insertSubmissionRows(
  trx: Transaction<Database>,
  batch: { id: number; fiscalYear: string; programId: string },
  rowJsons: readonly string[],
): Promise<void> {
  if (rowJsons.length === 0) return;
  await sql`
    insert into submissions (batch_id, fiscal_year, program_id, entity_id, measure, period, record_key, submitted_on, data, declared_on, findings)
    select ${batch.id}::bigint, ${batch.fiscalYear}, ${batch.programId}, r.e, r.m, r.p, r.k, r.s::date, r.d, r.o::date, r.f::jsonb
    from json_to_recordset(${`[${rowJsons.join(',')}]`}::json) as r(e text, m text, p text, k text, s text, d json, o text, f json)
  `.execute(trx);
}

export interface SubmissionRecord {
  id: number;
  batchId: number;
  entityId: string;
  measure: string;
  period: string;
  /** The day the record counts as received for timeliness (declaredOn, or receivedAt's day). */
  submittedOn: string;
  /** When the server received it (its batch's clock, ISO 8601 UTC). */
  receivedAt: string;
  /** A submittedOn an admin declared for a historic record; null otherwise. */
  declaredOn: string | null;
  /** The name of the API key that sent it (null when the key is gone or it was loaded by Quip). */
  keyName: string | null;
  data: Record<string, unknown>;
  /** Accuracy and completeness findings when received. */
  findings: { path: string; message: string }[];
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

/**
 * Submissions by id (oldest first), a page at a time; current = the latest of each record.
 * The page's ids are found first (rows in id order, filtered; "no later version" is one probe of
 * `submissions_record` per row, the hash then the columns compared), and only the page's rows are
 * joined to their batch and key.
 */
export async function listSubmissions(db: Db, query: SubmissionQuery): Promise<SubmissionRecord[]> {
  if (query.entityIds !== null && query.entityIds.length === 0) return [];
  let page = db
    .selectFrom('submissions as s')
    .select('s.id')
    .where('s.fiscal_year', '=', query.fiscalYear)
    .where('s.program_id', '=', query.programId)
    .orderBy('s.id')
    .limit(query.limit);
  if (query.entityIds !== null)
    page = page.where('s.entity_id', '=', sql<string>`any(${[...query.entityIds]}::text[])`);
  if (query.entityId !== undefined) page = page.where('s.entity_id', '=', query.entityId);
  if (query.measure !== undefined) page = page.where('s.measure', '=', query.measure);
  if (query.period !== undefined) page = page.where('s.period', '=', query.period);
  if (query.afterId !== undefined) page = page.where('s.id', '>', query.afterId);
  if (!query.history) {
    page = page.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('submissions as n')
            .select(sql`1`.as('one'))
            .whereRef('n.fiscal_year', '=', 's.fiscal_year')
            .whereRef('n.program_id', '=', 's.program_id')
            .whereRef('n.entity_id', '=', 's.entity_id')
            .where(recordHash('n'), '=', recordHash('s'))
            .whereRef('n.id', '>', 's.id')
            .whereRef('n.measure', '=', 's.measure')
            .whereRef('n.period', '=', 's.period')
            .whereRef('n.record_key', '=', 's.record_key'),
        ),
      ),
    );
  }
  const rows = await db
    .selectFrom(page.as('p'))
    .innerJoin('submissions as s', 's.id', 'p.id')
    .innerJoin('submission_batches as b', 'b.id', 's.batch_id')
    .leftJoin('api_keys as k', 'k.id', 'b.key_id')
    .select([
      's.id',
      's.batch_id as batchId',
      's.entity_id as entityId',
      's.measure',
      's.period',
      's.submitted_on as submittedOn',
      'b.received_at as receivedAt',
      's.declared_on as declaredOn',
      'k.name as keyName',
      's.data',
      's.findings',
    ])
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    data: (r.data ?? {}) as Record<string, unknown>,
    findings: (r.findings ?? []) as { path: string; message: string }[],
  }));
}
