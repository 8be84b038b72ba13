import type { CompiledRulebook, Entity } from '@quip/core';
import {
  appendAudit,
  batchReplacements,
  createSubmissionBatch,
  type Database,
  finishSubmissionBatch,
  pgClientTransaction,
} from '@quip/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { problems, type RowError } from '../http/problem.ts';
import type { BodyFormat } from '../ingest/body-format.ts';
import { EventLoopSlices } from '../ingest/event-loop-slices.ts';
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
  /** A payee this key may submit for (an existing one, within its scope), else undefined. */
  payeeOf: (id: string) => Entity | undefined;
  keyId: string;
  format: BodyFormat;
  /** The server's clock when the batch arrived (ISO 8601 UTC). */
  receivedAt: string;
  /** receivedAt's day in the program's time zone. */
  receivedOn: string;
  /** Whether rows may declare submittedOn (admins loading historic records). */
  mayDeclare: boolean;
  /** The last day a declared submittedOn may name (receivedOn); null: any (the demo's simulated year). */
  declaredUntil?: string | null;
  /** Check and answer as an upload would, then roll everything back (`?dryRun=1`). */
  dryRun: boolean;
  maxRows: number;
}

/** The answer to a batch: the 201 of a submissions POST, as /openapi.json describes it. */
export interface SubmissionBatchAnswer {
  /** null for a dry run: nothing was stored. */
  batchId: number | null;
  rows: number;
  receivedAt: string;
  receivedOn: string;
  /** Rows that made a new version of a record stored before. */
  replaced: number;
  /** Findings of the stored rows (the first 1,000), and replacements of a clean record by a flagged one. */
  warnings: RowError[];
  warningCount: number;
}

/** Unwinds a dry run's transaction, carrying the answer out. */
class DryRunDone extends Error {
  constructor(readonly answer: SubmissionBatchAnswer) {
    super('dry run');
  }
}

/**
 * Streams a submission upload into ONE transaction: rows are read and checked from the body's
 * local copy (received whole before the route ran: ingest/receive-upload-bodies.ts, so the
 * transaction never waits for the client) and written in chunks while the next rows are read
 * (COPY on PostgreSQL, INSERTs on PGlite). The first bad row
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
  let answer: SubmissionBatchAnswer;
  try {
    // PostgreSQL: COPY on the transaction's own connection; PGlite: chunked INSERTs.
    answer = await (pgClientTransaction(db, (trx, client) =>
      ingestInTransaction(trx, body, upload, recordAnswer, (batch) => copySink(client, batch)),
    ) ??
      db
        .transaction()
        .execute((trx) =>
          ingestInTransaction(trx, body, upload, recordAnswer, (batch) => insertSink(trx, batch)),
        ));
  } catch (error) {
    if (error instanceof DryRunDone) return error.answer;
    throw error;
  }
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
    receivedAt: upload.receivedAt,
  });
  const batch = { id: batchId, fiscalYear: upload.fiscalYear, programId: upload.programId };
  const sink = openSink(batch);
  const errors = new RowErrors();
  const warnings = new RowErrors();
  const checker = new SubmissionRowChecker(
    upload.compiled,
    upload.payeeOf,
    {
      receivedOn: upload.receivedOn,
      mayDeclare: upload.mayDeclare,
      declaredUntil: upload.declaredUntil === undefined ? upload.receivedOn : upload.declaredUntil,
    },
    errors,
    warnings,
    sink.format,
  );
  let count = 0;
  let chunk: string[] = [];
  let ended = false;
  // The rows are checked on the HTTP thread: other requests get a turn every ~20 ms of it.
  const slices = new EventLoopSlices();
  // CSV rows come as cells (checked without building a record); JSON and NDJSON rows as objects.
  const rows: AsyncIterable<(CsvCellsRow | BodyRow)[]> =
    upload.format === 'csv'
      ? readCsvCells(body, (columns) => checker.csvHeader(columns))
      : readBodyRows(body, upload.format);
  try {
    for await (const part of rows) {
      for (const r of part) {
        if (slices.due()) await slices.giveTurn();
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
  const { replaced, worsened } = await batchReplacements(trx, batch);
  const rowOf = new Map(
    checker.flaggedRows.map((r) => [recordId(r.entityId, r.measure, r.period, r.recordKey), r.row]),
  );
  for (const w of worsened) {
    const row = rowOf.get(recordId(w.entityId, w.measure, w.period, w.recordKey));
    if (row === undefined) continue;
    warnings.push({ row, path: '', message: 'replaces a complete and accurate version of this record' });
  }
  warnings.list.sort((a, b) => a.row - b.row);
  const answer: SubmissionBatchAnswer = {
    batchId: upload.dryRun ? null : batchId,
    rows: count,
    receivedAt: upload.receivedAt,
    receivedOn: upload.receivedOn,
    replaced,
    warnings: warnings.list,
    warningCount: warnings.count,
  };
  if (upload.dryRun) throw new DryRunDone(answer);
  await finishBatch(trx, batchId, count, upload, checker, answer);
  await recordAnswer(trx, 201, answer);
  return answer;
}

const recordId = (entityId: string, measure: string, period: string, recordKey: string) =>
  `${entityId}\u0000${measure}\u0000${period}\u0000${recordKey}`;

async function finishBatch(
  trx: Transaction<Database>,
  batchId: number,
  rows: number,
  upload: SubmissionUpload,
  checker: SubmissionRowChecker,
  answer: SubmissionBatchAnswer,
) {
  await finishSubmissionBatch(trx, batchId, rows);
  await appendAudit(trx, {
    actor: upload.keyId,
    action: 'submissions.create',
    subject: `${upload.programId}/${upload.fiscalYear}`,
    details: {
      batchId,
      rows,
      format: upload.format,
      measures: checker.perMeasure,
      receivedAt: upload.receivedAt,
      replaced: answer.replaced,
      warnings: answer.warningCount,
      // Rows whose submittedOn an admin declared instead of the day received (historic loads).
      declaredSubmittedOn: checker.declared,
    },
  });
}
