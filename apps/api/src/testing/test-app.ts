import { randomUUID } from 'node:crypto';
import {
  type ApiKeyRole,
  type DatabaseKind,
  insertApiKey,
  listPrograms,
  type QuipDatabase,
  seedReferenceData,
} from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { InlineJobRunner, type JobRunner, jobDefinitions } from '@quip/jobs';
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppDependencies, createApp, type QuipApp } from '../app.ts';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-key-secret.ts';
import { parseScopeEntry } from '../auth/principal.ts';
import { createLogger, type Logger } from '../logger.ts';

export interface TestApp {
  app: QuipApp;
  database: QuipDatabase;
  /** The job runner (runs execute only with `worker: true`): in-process unless the test gave its own. */
  jobs: JobRunner;
  /**
   * Another app on the same database and jobs: the test app's dependencies with `deps` over them
   * (a rate limiter, upload timeouts, a smaller body limit).
   */
  appWith(deps: Partial<AppDependencies>): QuipApp;
  /**
   * Starts a run through the API (POST `{program}/runs` as `key`, answered 202; `program` is its
   * path, /api/v1/fiscal-years/{fy}/programs/{id}) and polls it until it has ended: its id once
   * it succeeded, an error naming its status when it did not, or did not end within 30 s.
   */
  succeededRun(program: string, key: string, body?: { asOf?: string }): Promise<number>;
  /**
   * Creates a key with the given role and scope and returns its secret. A scope entry is
   * `program:entityId`; a bare id is scoped in every program (as migration 0011 keeps old keys).
   */
  keyFor(role: ApiKeyRole, entityIds?: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  bodyLimitBytes?: number;
  webDist?: string | null;
  clock?: () => Date;
  /** Starts the job definitions on the runner, so runs execute. */
  worker?: boolean;
  /** The test's own job runner (BullMQ, or in-process with more concurrency); closed with the app. */
  jobs?: JobRunner;
  logger?: Logger;
}

/** The real app on a real, seeded database (PGlite or PostgreSQL), with in-process jobs by default. */
export async function openTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  await seedReferenceData(database.db);
  const jobs = options.jobs ?? new InlineJobRunner();
  if (options.worker) await jobs.startWorker(jobDefinitions({ db: database.db }));
  const appWith = (deps: Partial<AppDependencies>) =>
    createApp({
      db: database.db,
      databaseKind: database.kind,
      jobs,
      logger: options.logger ?? createLogger('silent'),
      webDist: options.webDist ?? null,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      ...(options.clock ? { clock: options.clock } : {}),
      ...deps,
    });
  const app = appWith({});
  return {
    app,
    database,
    jobs,
    appWith,
    async succeededRun(program, key, body = {}) {
      const started = await app.request(`${program}/runs`, json(key, body));
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: number };
      const until = Date.now() + 30_000;
      for (;;) {
        const run = await app.request(`/api/v1/runs/${id}`, { headers: bearer(key) });
        const { status, reason } = (await run.json()) as { status: string; reason: string | null };
        if (status === 'succeeded') return id;
        if ((status !== 'queued' && status !== 'running') || Date.now() > until)
          throw new Error(`run ${id} is ${status}${reason ? `: ${reason}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
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

/** The callers most API tests need: an admin, an analyst and a submitter for payee PV-1 (in every program). */
export interface RoleKeys {
  admin: string;
  analyst: string;
  submitter: string;
}

/** The suite's test app with a key of each role, and `api(path)` for a request under /api/v1. */
export interface SuiteTestApp extends TestApp, RoleKeys {
  api(path: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Opens the test app with a key of each role before the suite's tests (`beforeAll`) and closes it
 * after them (`afterAll`); call it in a `describe`. The object's fields are there once the suite has
 * started: read them in tests and hooks (`api` may be taken at once, it reads the app when called).
 */
export function useTestApp(kind: DatabaseKind, options: TestAppOptions = {}): SuiteTestApp {
  const suite = {
    api: (path: string, init?: RequestInit) => suite.app.request(`/api/v1${path}`, init),
  } as SuiteTestApp;
  beforeAll(async () => {
    const t = await openTestApp(kind, options);
    Object.assign(suite, t, {
      admin: await t.keyFor('admin'),
      analyst: await t.keyFor('analyst'),
      submitter: await t.keyFor('submitter', ['PV-1']),
    });
  });
  afterAll(() => suite.close?.());
  return suite;
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A request with the key's bearer token and a JSON body. */
export const json = (key: string, body: unknown, method = 'POST') => ({
  method,
  headers: { ...bearer(key), 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
