import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { CATALOG } from '@quip/catalog';
import { loadCatalog, seedReferenceData } from '@quip/db';
import { type Env, openRuntime } from '@quip/runtime';
import { createApp } from './app.ts';
import { bootstrapAdminKey } from './auth/bootstrap-admin-key.ts';
import { loadDemoData } from './demo/load-demo-data.ts';
import { createKeyRateLimiter, type KeyRateLimiter } from './limits/key-rate-limiter.ts';
import { SERVER_REQUEST_TIMEOUT_MS } from './limits/upload-timeouts.ts';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts Quip in the role the environment asks for: API + SPA + worker (`all`), API + SPA (`api`),
 * or worker only (`worker`), on the runtime the worker process shares (`@quip/runtime`).
 */
export async function startServer(
  env: Env,
  options: { webDist?: string | null } = {},
): Promise<RunningServer> {
  const runtime = await openRuntime(env, { service: 'quip' });
  const { database, jobs, logger } = runtime;
  await seedReferenceData(database.db);
  const catalog = await loadCatalog(database.db, CATALOG);
  if (env.QUIP_DEMO === '1') {
    const demo = await loadDemoData(database.db);
    if (demo.loaded)
      logger.info({ programs: demo.programs }, 'loaded the demo data set into the empty database');
  }
  const { generatedKey } = await bootstrapAdminKey(database.db, env.QUIP_ADMIN_KEY);
  if (generatedKey) {
    // Printed once, on purpose outside the logs: only its hash is stored.
    process.stdout.write(
      `\n  Quip generated an administrator API key. It is shown this once; keep it safe:\n\n    ${generatedKey}\n\n  (set QUIP_ADMIN_KEY to choose your own)\n\n`,
    );
  }

  await runtime.startJobs();

  let server: ReturnType<typeof serve> | null = null;
  let url: string | null = null;
  let rateLimiter: KeyRateLimiter | null = null;
  if (env.QUIP_ROLE !== 'worker') {
    rateLimiter = createKeyRateLimiter({
      perMinute: env.QUIP_RATE_LIMIT_PER_MINUTE,
      redisUrl: env.REDIS_URL,
    });
    const app = createApp({
      db: database.db,
      databaseKind: database.kind,
      jobs,
      logger,
      webDist: options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist,
      bodyLimitBytes: env.QUIP_BODY_LIMIT_MB * 1024 * 1024,
      maxRowsPerRequest: env.QUIP_MAX_ROWS_PER_REQUEST,
      rateLimiter,
    });
    await new Promise<void>((ready) => {
      server = serve(
        {
          fetch: app.fetch,
          port: env.PORT,
          hostname: env.HOST,
          // Past the upload limits, so a slow upload gets Quip's 408 problem+json, not Node's bare one.
          serverOptions: { requestTimeout: SERVER_REQUEST_TIMEOUT_MS },
        },
        () => ready(),
      );
    });
    url = `http://${env.HOST}:${env.PORT}`;
  }
  logger.info(
    { role: env.QUIP_ROLE, database: database.kind, queue: jobs.kind, url, catalogLoaded: catalog.loaded },
    url ? `Quip is listening on ${url}` : 'Quip worker is running',
  );

  let stopping: Promise<void> | null = null;
  return {
    url,
    stop() {
      stopping ??= (async () => {
        const current = server as ReturnType<typeof serve> | null;
        if (current) await new Promise<void>((done) => current.close(() => done()));
        await rateLimiter?.close();
        await runtime.stop();
        logger.info('Quip stopped');
      })();
      return stopping;
    },
  };
}
