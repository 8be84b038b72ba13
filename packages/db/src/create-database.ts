import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './dialect/pglite-dialect.ts';
import { EmbeddedDatabase } from './dialect/pglite-worker-client.ts';
import { TYPE_PARSERS } from './dialect/type-parsers.ts';
import { migrateToLatest } from './migrate.ts';
import { registerPgPool } from './pg-client-transaction.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  migrate?: boolean;
}

export interface QuipDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const embeddedDatabases = new WeakMap<object, EmbeddedDatabase>();

/**
 * For the health check: when the embedded database last finished a statement (Date.now()), so a
 * probe waiting behind other work can tell a busy database (statements keep ending) from a stuck
 * one. Undefined on PostgreSQL, whose pool serves a probe beside the work.
 */
export function lastStatementEndedAt(db: Kysely<Database>): (() => number) | undefined {
  const embedded = embeddedDatabases.get(db);
  return embedded ? () => embedded.lastAnswerAt : undefined;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = TYPE_PARSERS[oid];
    if (parser && format !== 'binary') return parser;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export async function createDatabase(options: DatabaseOptions): Promise<QuipDatabase> {
  const { db, kind, cleanup } = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : await openPGlite(options.dataDir);
  try {
    if (options.migrate !== false) await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    await cleanup();
    throw error;
  }
  return {
    db,
    kind,
    async close() {
      await db.destroy();
      await cleanup();
    },
  };
}

function openPostgres(connectionString: string, max: number) {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes, options: '-c TimeZone=UTC' });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped by the
  // pool, which opens a new one on the next query; unheard, its 'error' event would end the process.
  pool.on('error', () => {});
  // The pool listens only while a connection is idle: one ended while checked out (between the
  // statements of a transaction, during a COPY's set-up) emitted an unheard 'error' and the worker
  // died on a PostgreSQL restart (scripts/faults). Heard, the connection turns unqueryable: its
  // transaction fails, and the pool drops it when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerPgPool(db, pool);
  return { db, kind: 'postgres' as const, cleanup: async () => {} };
}

async function openPGlite(dataDir: string | undefined) {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    // On its own thread, so that its statements never block this thread's requests; the worker
    // sets the session's time zone to UTC.
    const pglite = await EmbeddedDatabase.open(dataDir);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    embeddedDatabases.set(db, pglite);
    // Kysely closes its driver only if a statement started it: the worker is closed here as well.
    const cleanup = async () => {
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    };
    return { db, kind: 'pglite' as const, cleanup };
  } catch (error) {
    unlock();
    throw error;
  }
}
