import {
  type Database,
  insertSubmissionRows,
  type PgClient,
  SubmissionCopy,
  submissionCopyLine,
  submissionRowJson,
} from '@quip/db';
import type { Transaction } from 'kysely';

/** How a checked row becomes text for the sink (same arguments as submissionRowJson). */
export type SubmissionRowFormat = typeof submissionRowJson;

/**
 * Where a batch's checked rows go, inside the batch's transaction: `write` may return before
 * the rows are stored (the next rows are read meanwhile) and waits when the database is behind;
 * `end` stores what is left; `abort` stops the writing (the transaction then rolls back).
 */
export interface SubmissionSink {
  readonly format: SubmissionRowFormat;
  /** Rows to gather before a write. */
  readonly chunkRows: number;
  write(rows: string[]): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

type Batch = { id: number; fiscalYear: string; programId: string };

/** PostgreSQL: one COPY FROM STDIN on the transaction's connection. */
export function copySink(client: PgClient, batch: Batch): SubmissionSink {
  const copy = new SubmissionCopy(client, batch);
  return {
    format: submissionCopyLine,
    // A write is a message on the open COPY, not a round trip: small writes let the rows' text
    // die young (with 5,000 it outlived the young generation and garbage collection took ~2 s of
    // Node's ~7 s per 1M rows; with 1,000, ~0.8 s).
    chunkRows: 1000,
    write: (rows) => copy.write(rows),
    end: async () => {
      await copy.end();
    },
    abort: () => copy.abort(),
  };
}

/** Any database (PGlite): multi-row INSERT ... SELECT FROM json_to_recordset, one in flight. */
export function insertSink(trx: Transaction<Database>, batch: Batch): SubmissionSink {
  let inFlight: Promise<void> | null = null;
  const settle = async () => {
    const running = inFlight;
    inFlight = null;
    if (running) await running;
  };
  return {
    format: submissionRowJson,
    // One statement per write: big enough to amortise the statement, small enough that the
    // embedded database (which runs each statement on the event loop's thread) keeps answering
    // other requests in between (5,000 rows took ~0.2-0.9 s, 1,000 a fifth of it).
    chunkRows: 1000,
    async write(rows) {
      await settle();
      inFlight = insertSubmissionRows(trx, batch, rows);
      // Keep a failure from being reported as unhandled before it is awaited.
      inFlight.catch(() => {});
    },
    end: settle,
    // Never leave a statement running when the transaction ends (a rollback waits for it).
    abort: () => settle().catch(() => {}),
  };
}
