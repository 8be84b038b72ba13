import { Worker } from 'node:worker_threads';
import { messages } from '@electric-sql/pglite';
import { TYPE_PARSERS } from './type-parsers.ts';

/** A statement's answer, its values parsed as PGlite's `query` with TYPE_PARSERS would. */
export interface EmbeddedQueryResult<R> {
  rows: R[];
  affectedRows?: number | undefined;
}

interface PlainError {
  className: string;
  message: string;
  fields: Record<string, unknown>;
}

type Reply = { id: number; ok: true; [key: string]: unknown } | { id: number; ok: false; error: PlainError };

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

/**
 * The embedded database (PGlite) on its own worker thread (pglite-worker.mjs). PGlite runs each
 * statement synchronously in WebAssembly: on the HTTP server's thread a statement of a second kept
 * every request waiting that second (`/healthz` p99 of 22-29 s during an upload or a run). Here the
 * worker runs it and the main thread only sends the statement and receives the rows.
 *
 * Values: the worker hands the types of TYPE_PARSERS back as the server's text and this side parses
 * them, so results are the ones PGlite's `query(sql, params, { parsers: TYPE_PARSERS })` gave on the
 * main thread. Errors: a database error comes back as PGlite's DatabaseError with all its fields
 * (code, detail, constraint...), plus `query`, `params` and `queryOptions`; other errors keep their class when it
 * is a standard one.
 *
 * The worker keeps the process alive only while a request is in flight, as an open PGlite did not.
 */
export class EmbeddedDatabase {
  private readonly pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private nextId = 1;
  private ended: Error | null = null;
  private closing: Promise<void> | null = null;
  /** When the worker last answered (Date.now()): a statement ended, or the database opened. */
  lastAnswerAt = Date.now();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.lastAnswerAt = Date.now();
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      waiter.resolve(reply);
    });
    const end = (error: Error) => {
      this.ended ??= error;
      for (const waiter of this.pending.values()) waiter.reject(this.ended);
      this.pending.clear();
    };
    worker.on('error', (error) => end(new Error('the embedded database thread failed', { cause: error })));
    worker.on('exit', (code) => end(new Error(`the embedded database thread ended (exit code ${code})`)));
  }

  /** Starts the worker and opens the database in `dataDir` (in memory when undefined). */
  static open(dataDir: string | undefined): Promise<EmbeddedDatabase> {
    // No execArgv: the worker is plain JavaScript, and `--import tsx` would only slow its start.
    const worker = new Worker(WORKER_URL, {
      workerData: { dataDir, rawTypes: Object.keys(TYPE_PARSERS).map(Number) },
      execArgv: [],
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the embedded database thread ended (exit code ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (message: { kind: 'ready' } | { kind: 'failed'; error: PlainError }) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        if (message.kind === 'failed') {
          void worker.terminate();
          reject(rebuildError(message.error));
          return;
        }
        worker.unref();
        resolve(new EmbeddedDatabase(worker));
      });
    });
  }

  get closed(): boolean {
    return this.ended !== null;
  }

  async query<R>(sql: string, params: readonly unknown[]): Promise<EmbeddedQueryResult<R>> {
    const reply = await this.request({ kind: 'query', sql, params }).catch((error: unknown) => {
      if (error instanceof messages.DatabaseError) {
        Object.assign(error, { query: sql, params, queryOptions: { parsers: TYPE_PARSERS } });
      }
      throw error;
    });
    const rows = reply.rows as Record<string, unknown>[];
    parseValues(rows, reply.fields as { name: string; dataTypeID: number }[]);
    return { rows: rows as R[], affectedRows: reply.affectedRows as number | undefined };
  }

  /** The data folder as a tarball (PGlite's `dumpDataDir`), packed on the worker. */
  async dumpDataDir(compression: 'auto' | 'gzip' | 'none' = 'auto'): Promise<Blob> {
    const reply = await this.request({ kind: 'dump', compression });
    return new Blob([reply.bytes as ArrayBuffer], { type: reply.type as string });
  }

  /** Resolves once the worker answers: at once when idle, else when its current statement ends. */
  async heartbeat(): Promise<void> {
    await this.request({ kind: 'heartbeat' });
  }

  /** Closes the database (its files written) and ends the worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.ended) return;
      try {
        await this.request({ kind: 'close' });
      } finally {
        this.ended ??= new Error('the embedded database is closed');
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }

  private request(message: Record<string, unknown>): Promise<Reply & { ok: true }> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    }).then((reply) => {
      if (!reply.ok) throw rebuildError(reply.error);
      return reply;
    });
  }
}

/** Applies TYPE_PARSERS to the columns of their types, which the worker left as text. */
function parseValues(rows: Record<string, unknown>[], fields: { name: string; dataTypeID: number }[]): void {
  // A row holds the last column of each name, as PGlite builds it.
  const last = new Map(fields.map((field) => [field.name, field.dataTypeID]));
  const parsed = [...last].flatMap(([name, type]) => {
    const parse = TYPE_PARSERS[type];
    return parse ? [{ name, parse }] : [];
  });
  if (parsed.length === 0) return;
  for (const row of rows) {
    for (const { name, parse } of parsed) {
      const value = row[name];
      if (typeof value === 'string') row[name] = parse(value);
    }
  }
}

const STANDARD_ERRORS: Record<string, new (message: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
};

function rebuildError(plain: PlainError): Error {
  const error =
    plain.className === 'DatabaseError'
      ? new messages.DatabaseError(plain.message, Number(plain.fields.length ?? 0), 'error')
      : new (STANDARD_ERRORS[plain.className] ?? Error)(plain.message);
  Object.assign(error, plain.fields); // with `name` when the error has its own
  return error;
}
