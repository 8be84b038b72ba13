import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseKind, type QuipDatabase } from '../create-database.ts';

/**
 * Integration tests run against both databases. The suite runner (scripts/test.sh) starts a real
 * PostgreSQL and passes its address in QUIP_TEST_POSTGRES_URL; without it the PostgreSQL half fails
 * loudly instead of being skipped, so a green run always means both were exercised.
 */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export function testPostgresUrl(): string {
  const url = process.env.QUIP_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'QUIP_TEST_POSTGRES_URL is not set: run the suite with `npm test`, which starts PostgreSQL',
    );
  }
  return url;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<QuipDatabase> {
  if (kind === 'pglite') return createDatabase({});
  const scratch = await createScratchPostgresDatabase();
  const database = await createDatabase({ databaseUrl: scratch.url, maxConnections: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** An empty database of its own on the test PostgreSQL server, for a test that runs Quip as a process. */
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = testPostgresUrl();
  const name = `quip_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
