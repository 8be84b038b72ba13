import { randomUUID } from 'node:crypto';
import {
  type DatabaseKind,
  insertApiKey,
  listPrograms,
  type QuipDatabase,
  seedReferenceData,
} from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { InlineJobRunner, jobDefinitions } from '@quip/jobs';
import { createApp, type QuipApp } from '../app.ts';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-key-secret.ts';
import { parseScopeEntry } from '../auth/principal.ts';
import { createLogger, type Logger } from '../logger.ts';

export interface TestApp {
  app: QuipApp;
  database: QuipDatabase;
  /** The in-process job runner (runs execute only with `worker: true`). */
  jobs: InlineJobRunner;
  /**
   * Creates a key with the given role and scope and returns its secret. A scope entry is
   * `program:entityId`; a bare id is scoped in every program (as migration 0011 keeps old keys).
   */
  keyFor(role: 'admin' | 'analyst' | 'submitter', entityIds?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real, seeded database (PGlite or PostgreSQL), with in-process jobs. */
export async function openTestApp(
  kind: DatabaseKind,
  options: {
    bodyLimitBytes?: number;
    webDist?: string | null;
    clock?: () => Date;
    worker?: boolean;
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  await seedReferenceData(database.db);
  const jobs = new InlineJobRunner();
  if (options.worker) await jobs.startWorker(jobDefinitions({ db: database.db }));
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    jobs,
    logger: options.logger ?? createLogger('silent'),
    webDist: options.webDist ?? null,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    app,
    database,
    jobs,
    async keyFor(role, entityIds) {
      const key = generateApiKey();
      const programs = (await listPrograms(database.db)).map((p) => p.id);
      const scope = entityIds?.flatMap((entry) =>
        parseScopeEntry(entry) && programs.includes(entry.split(/[:/]/)[0]!)
          ? [entry]
          : programs.map((program) => `${program}:${entry}`),
      );
      await insertApiKey(database.db, {
        id: randomUUID(),
        name: `test ${role}`,
        role,
        entityIds: scope ?? null,
        keyHash: hashApiKey(key),
        keyPrefix: apiKeyPrefix(key),
        createdBy: null,
      });
      return key;
    },
    async close() {
      await jobs.close(1_000);
      await database.close();
    },
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A request with the key's bearer token and a JSON body. */
export const json = (key: string, body: unknown, method = 'POST') => ({
  method,
  headers: { ...bearer(key), 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
