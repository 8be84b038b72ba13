/**
 * The messages between the HTTP thread and the job thread (job-thread.ts, job-thread-worker.ts):
 * jobs go one way and their ends come back; the job thread's statements go the other way, each on a
 * lease (one database connection, held from its first statement until released) and come back as
 * rows. Values cross by structured clone, so rows arrive as the main thread's driver parsed them.
 */

/** An error as it crosses a thread: its class name, message and own fields (a database error's code...). */
export interface PlainError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** Main thread to job thread. */
export type ToJobThread =
  | { kind: 'job'; id: number; queue: string; payload: unknown; jobId: string; attempt: number }
  | { kind: 'abort' }
  /** A part of a long answer's rows; the `rows` message with the same id brings the last part. */
  | { kind: 'rows-part'; id: number; rows: unknown[] }
  | { kind: 'rows'; id: number; ok: true; rows: unknown[]; numAffectedRows?: bigint | undefined }
  | { kind: 'rows'; id: number; ok: false; error: PlainError };

/** Job thread to main thread. */
export type FromJobThread =
  | { kind: 'ready' }
  | { kind: 'ended'; id: number; ok: true; value: unknown }
  | { kind: 'ended'; id: number; ok: false; error: PlainError }
  | { kind: 'query'; id: number; lease: number; sql: string; params: readonly unknown[] }
  | { kind: 'release'; lease: number };

/** What the job thread starts with. */
export interface JobThreadData {
  /** Phase-1 chunk jobs computed at once (QUIP_WORKER_CONCURRENCY). */
  chunkConcurrency?: number | undefined;
}

/** An error's name, message and own cloneable fields (code, detail, constraint, ...), never its stack. */
export function plainError(error: unknown): PlainError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value))
      fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/** An Error with the message, name and fields of one that crossed a thread. */
export function rebuildError(plain: PlainError): Error {
  const error = new Error(plain.message);
  Object.assign(error, plain.fields);
  if (error.name !== plain.name)
    Object.defineProperty(error, 'name', { value: plain.name, configurable: true });
  return error;
}
