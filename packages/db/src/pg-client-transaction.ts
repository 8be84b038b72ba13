import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** A raw PostgreSQL connection (for SubmissionCopy). */
export type PgClient = pg.PoolClient;

/** The pool behind each PostgreSQL Kysely instance that createDatabase made. */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();

export function registerPgPool(db: Kysely<Database>, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Runs `work` in one transaction on a raw PostgreSQL connection, for what Kysely cannot say (COPY
 * FROM STDIN): `trx` and `client` are the same connection, so the rows a COPY writes, the audit
 * entry and the idempotency answer commit or roll back together. Null when `db` is not a
 * PostgreSQL database of createDatabase (PGlite): the caller takes its ordinary path.
 */
export function pgClientTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>, client: pg.PoolClient) => Promise<T>,
): Promise<T> | null {
  const pool = pools.get(db);
  return pool ? runOnClient(pool, work) : null;
}

async function runOnClient<T>(
  pool: pg.Pool,
  work: (trx: Transaction<Database>, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // A one-connection "pool": Kysely runs BEGIN, its queries and COMMIT/ROLLBACK on this client.
  const single = {
    connect: async () => ({ query: client.query.bind(client), release() {} }),
    end: async () => {},
  } as unknown as pg.Pool;
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single }) });
  try {
    const result = await kysely.transaction().execute((trx) => work(trx, client));
    client.release();
    return result;
  } catch (error) {
    // After a failed COPY the connection's state is not worth trusting: close it, not reuse it.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
