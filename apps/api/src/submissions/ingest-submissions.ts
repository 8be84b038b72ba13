import type { CompiledRulebook } from '@quip/core';
import {
  appendAudit,
  createSubmissionBatch,
  type Database,
  finishSubmissionBatch,
  pgClientTransaction,
} from '@quip/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { problems } from '../http/problem.ts';
import type { BodyFormat } from '../ingest/body-format.ts';
import type { RecordAnswer } from '../ingest/idempotent-upload.ts';
import { type BodyRow, readBodyRows } from '../ingest/read-body-rows.ts';
import { type CsvCellsRow, readCsvCells } from '../ingest/read-csv-cells.ts';
import { RowErrors } from '../ingest/row-errors.ts';
import { SubmissionRowChecker } from './submission-row-checker.ts';
import { copySink, insertSink, type SubmissionSink } from './submission-sink.ts';

export interface SubmissionUpload {
  fiscalYear: string;
  programId: string;
  compiled: CompiledRulebook;
  /** The payees this key may submit for (existing ones, within its scope). */
  entities: ReadonlySet<string>;
  keyId: string;
  format: BodyFormat;
  receivedOn: string;
  maxRows: number;
}

export interface SubmissionBatchAnswer {
  batchId: number;
  rows: number;
  receivedOn: string;
}

/**
 * Streams a submission upload into ONE transaction: rows are read and checked as they arrive and
 * written in chunks while the next rows are read (COPY on PostgreSQL, INSERTs on PGlite). The first bad row
 * stops the writing but not the checking, so the answer lists every bad row (up to a cap); then
 * the transaction rolls back and nothing is stored. The batch's audit entry and idempotency
 * answer are written in the same transaction.
 */
export async function ingestSubmissions(
  db: Kysely<Database>,
  body: ReadableStream<Uint8Array>,
  upload: SubmissionUpload,
  recordAnswer: RecordAnswer,
): Promise<SubmissionBatchAnswer> {
  // PostgreSQL: COPY on the transaction's own connection; PGlite: chunked INSERTs.
  const answer = await (pgClientTransaction(db, (trx, client) =>
    ingestInTransaction(trx, body, upload, recordAnswer, (batch) => copySink(client, batch)),
  ) ??
    db
      .transaction()
      .execute((trx) =>
        ingestInTransaction(trx, body, upload, recordAnswer, (batch) => insertSink(trx, batch)),
      ));
  if (answer.rows >= ANALYZE_AFTER_ROWS) await refreshSubmissionStatistics(db);
  return answer;
}

/** A batch this large changes the table enough for the planner's statistics to be stale. */
const ANALYZE_AFTER_ROWS = 1000;

/**
 * Refreshes the planner's statistics of the submissions table. PGlite has no autovacuum, and on
 * PostgreSQL it runs only later: without fresh statistics the planner takes a freshly loaded table
 * for empty and answers "the current version of each record" (GET /submissions) with a nested
 * loop over the whole program (a minute for 1,000 rows of the demo data instead of 65 ms).
 */
export async function refreshSubmissionStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze submissions`.execute(db);
}

async function ingestInTransaction(
  trx: Transaction<Database>,
  body: ReadableStream<Uint8Array>,
  upload: SubmissionUpload,
  recordAnswer: RecordAnswer,
  openSink: (batch: { id: number; fiscalYear: string; programId: string }) => SubmissionSink,
): Promise<SubmissionBatchAnswer> {
  await lockWritableFiscalYear(trx, upload.fiscalYear);
  const batchId = await createSubmissionBatch(trx, {
    fiscalYear: upload.fiscalYear,
    programId: upload.programId,
    keyId: upload.keyId,
    format: upload.format,
    receivedOn: upload.receivedOn,
  });
  const sink = openSink({ id: batchId, fiscalYear: upload.fiscalYear, programId: upload.programId });
  const errors = new RowErrors();
  const checker = new SubmissionRowChecker(
    upload.compiled,
    upload.entities,
    upload.receivedOn,
    errors,
    sink.format,
  );
  let count = 0;
  let chunk: string[] = [];
  let ended = false;
  // CSV rows come as cells (checked without building a record); JSON and NDJSON rows as objects.
  const rows: AsyncIterable<(CsvCellsRow | BodyRow)[]> =
    upload.format === 'csv'
      ? readCsvCells(body, (columns) => checker.csvHeader(columns))
      : readBodyRows(body, upload.format);
  try {
    for await (const part of rows) {
      for (const r of part) {
        if (++count > upload.maxRows) {
          throw problems.tooLarge(`A request may carry at most ${upload.maxRows} rows.`);
        }
        if (r.error !== undefined) {
          errors.push({ row: r.row, path: '', message: `row ${r.error}` });
          continue;
        }
        const text = 'cells' in r ? checker.checkCsv(r.row, r.cells) : checker.check(r.row, r.value, false);
        if (text !== null && errors.count === 0) chunk.push(text);
      }
      if (errors.count > 0) chunk = [];
      else if (chunk.length >= sink.chunkRows) {
        await sink.write(chunk);
        chunk = [];
      }
    }
    if (count === 0) throw problems.unprocessable('The request has no rows.');
    if (errors.count > 0) throw errors.toProblem();
    await sink.write(chunk);
    ended = true;
    await sink.end();
  } finally {
    if (!ended) await sink.abort();
  }
  await finishBatch(trx, batchId, count, upload, checker.perMeasure);
  const answer = { batchId, rows: count, receivedOn: upload.receivedOn };
  await recordAnswer(trx, 201, answer);
  return answer;
}

async function finishBatch(
  trx: Transaction<Database>,
  batchId: number,
  rows: number,
  upload: SubmissionUpload,
  perMeasure: Record<string, number>,
) {
  await finishSubmissionBatch(trx, batchId, rows);
  await appendAudit(trx, {
    actor: upload.keyId,
    action: 'submissions.create',
    subject: `${upload.programId}/${upload.fiscalYear}`,
    details: { batchId, rows, format: upload.format, measures: perMeasure },
  });
}
