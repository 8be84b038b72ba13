import { afterAll, beforeAll } from 'vitest';
import type { DatabaseKind, QuipDatabase } from '../create-database.ts';
import { seedReferenceData } from '../seed/reference-data.ts';
import { openTestDatabase } from './test-databases.ts';

/**
 * For a describe block: a fresh, migrated database of this kind, seeded with the reference data
 * (fiscal years and programs) before the block's tests and closed after them. Its `db` and `kind`
 * are there from the block's first beforeAll on (a later beforeAll may add its own rows).
 */
export function seededTestDatabase(kind: DatabaseKind): Pick<QuipDatabase, 'db' | 'kind'> {
  let database: QuipDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(() => database?.close());
  const opened = (): QuipDatabase => {
    if (!database) throw new Error('the test database is opened by the beforeAll of the describe block');
    return database;
  };
  return {
    get db() {
      return opened().db;
    },
    get kind() {
      return opened().kind;
    },
  };
}
