import { createDatabase, type QuipDatabase } from '@quip/db';
import { createScratchPostgresDatabase } from '@quip/db/testing';
import { afterAll, beforeAll } from 'vitest';

export interface ScratchPostgres {
  /** The scratch database's URL, for a worker process's DATABASE_URL. */
  url: string;
  /** The test's own connection to it (migrated). */
  db: QuipDatabase['db'];
}

/**
 * Call in a `describe`: a scratch PostgreSQL database, created and migrated before the suite's
 * tests and hooks, closed and dropped after them. The fields are there once the suite has started.
 */
export function scratchPostgresOfSuite(): ScratchPostgres {
  const suite = {} as ScratchPostgres;
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>> | undefined;
  let database: QuipDatabase | undefined;
  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    database = await createDatabase({ databaseUrl: scratch.url });
    Object.assign(suite, { url: scratch.url, db: database.db });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });
  return suite;
}
