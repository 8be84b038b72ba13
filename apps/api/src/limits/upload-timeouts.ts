import { tmpdir } from 'node:os';
import { Problem } from '../http/problem.ts';

/**
 * How long a bulk upload's body may take to arrive. The body is received whole (in memory, or in a
 * temporary file beyond `memoryBytes`) before the route touches the database, so a slow or stalled
 * client holds a socket and a file, never the embedded database's one connection.
 */
export interface UploadTimeouts {
  /** The longest wait for the next byte before the upload is refused (408). */
  idleMs: number;
  /** The longest a whole body may take to arrive (408). */
  totalMs: number;
  /** A body up to this size stays in memory; a larger one is written to a temporary file. */
  memoryBytes: number;
  /** Where the temporary files go (each removed when its request ends). */
  tempDir: string;
}

export const DEFAULT_UPLOAD_TIMEOUTS: UploadTimeouts = {
  idleMs: 30_000,
  // A 512 MiB body (the default limit) in 10 minutes needs ~0.9 MB/s; 1M rows of CSV (~95 MB), ~0.16 MB/s.
  totalMs: 10 * 60_000,
  memoryBytes: 1024 * 1024,
  tempDir: tmpdir(),
};

/**
 * Node's own limit on receiving a whole request (its default is 300 s, when it answers a bare 408):
 * set just above the upload limit so that Quip's problem+json answer comes first.
 */
export const SERVER_REQUEST_TIMEOUT_MS = DEFAULT_UPLOAD_TIMEOUTS.totalMs + 30_000;

/** 408: the client stopped sending (idle) or took too long (total); nothing was stored. */
export function uploadTimedOut(kind: 'idle' | 'total', timeouts: UploadTimeouts): Problem {
  const detail =
    kind === 'idle'
      ? `No byte of the request body arrived for ${seconds(timeouts.idleMs)}; the upload was stopped and nothing was stored. Send the body without pauses.`
      : `The request body took longer than ${seconds(timeouts.totalMs)} to arrive; the upload was stopped and nothing was stored. Split the rows into smaller requests.`;
  return new Problem(408, 'request-timeout', 'Request timeout', detail);
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
