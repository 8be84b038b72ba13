import type { Database } from '@quip/db';
import { InlineJobRunner } from '@quip/jobs';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { pino } from 'pino';
import { createApp } from './app.ts';

/**
 * The API's OpenAPI description, built in this process from the app itself: no server, no network
 * and no database (building the app and answering /openapi.json run no query, so the driver is a dummy).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const app = createApp({
    db,
    databaseKind: 'pglite',
    jobs: new InlineJobRunner(),
    logger: pino({ enabled: false }),
    webDist: null,
    bodyLimitBytes: 1024,
  });
  const answer = await app.request('/openapi.json');
  if (!answer.ok) throw new Error(`/openapi.json answered ${answer.status}`);
  return (await answer.json()) as Record<string, unknown>;
}
