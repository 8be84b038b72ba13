import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database, DatabaseKind } from '@quip/db';
import type { JobRunner } from '@quip/jobs';
import { secureHeaders } from 'hono/secure-headers';
import { type Kysely, sql } from 'kysely';
import { authenticate } from './auth/authenticate.ts';
import type { AppEnv } from './http/app-env.ts';
import { Problem, problemResponse, problems } from './http/problem.ts';
import { requestBodyLimit } from './http/request-body-limit.ts';
import { createKeyRateLimiter, type KeyRateLimiter, rateLimitPerKey } from './limits/key-rate-limiter.ts';
import type { Logger } from './logger.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { backupRoutes } from './routes/backup-routes.ts';
import { docsRoutes } from './routes/docs-routes.ts';
import { entityRoutes } from './routes/entity-routes.ts';
import { fiscalYearRoutes } from './routes/fiscal-year-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { paymentCycleRoutes } from './routes/payment-cycle-routes.ts';
import { previewRoutes } from './routes/preview-routes.ts';
import { rulebookRoutes } from './routes/rulebook-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { spaRoutes } from './routes/spa-routes.ts';
import { submissionRoutes } from './routes/submission-routes.ts';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './runs/queue-dashboard.ts';

export interface AppDependencies {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  jobs: JobRunner;
  logger: Logger;
  /** The built SPA (apps/web/dist); null serves the API alone. */
  webDist: string | null;
  bodyLimitBytes: number;
  /** Rows one bulk request may carry (QUIP_MAX_ROWS_PER_REQUEST); default 2,000,000. */
  maxRowsPerRequest?: number;
  /** Requests per minute per API key; default 600 a minute, counted in memory. */
  rateLimiter?: KeyRateLimiter;
  /** The server's clock: when a batch is received (tests pass a fixed one); default the real time. */
  clock?: () => Date;
}

export const API_VERSION = '0.1.0';

/** The whole HTTP surface, built from its dependencies so tests drive it with `app.request`. */
export function createApp(deps: AppDependencies) {
  const bulk = {
    db: deps.db,
    maxRowsPerRequest: deps.maxRowsPerRequest ?? 2_000_000,
    clock: deps.clock ?? (() => new Date()),
  };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          row: 0,
          path: issue.path.join('.'),
          message: issue.message,
        }));
        throw problems.badRequest('The request does not match the API description.', errors);
      }
    },
  });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        key: undefined,
      },
      'request',
    );
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  app.use('/api/*', requestBodyLimit(deps.bodyLimitBytes));

  app.route(
    '/',
    healthRoutes({
      database: deps.databaseKind,
      queue: deps.jobs.kind,
      ping: async () => {
        await sql`select 1`.execute(deps.db);
      },
    }),
  );

  app.use('/api/v1/*', authenticate(deps.db));
  app.use('/api/v1/*', rateLimitPerKey(deps.rateLimiter ?? createKeyRateLimiter({ perMinute: 600 })));
  app.route('/api/v1', meRoutes());
  app.route('/api/v1', fiscalYearRoutes(deps.db));
  app.route('/api/v1', entityRoutes(bulk));
  app.route('/api/v1', submissionRoutes(bulk));
  app.route('/api/v1', previewRoutes(bulk));
  app.route('/api/v1', rulebookRoutes(deps.db));
  app.route('/api/v1', apiKeyRoutes(deps.db));
  app.route('/api/v1', auditRoutes(deps.db));
  app.route('/api/v1', backupRoutes(deps));
  app.route('/api/v1', runRoutes(deps));
  app.route('/api/v1', paymentCycleRoutes(deps.db));
  app.route(QUEUE_DASHBOARD_PATH, queueDashboard(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer quip_...`',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Quip API',
      version: API_VERSION,
      description:
        'Quality incentive payment programs run from configuration: rulebooks, payees, submissions, runs and payments. Money is integer cents in fields named ...Cents; dates are ISO YYYY-MM-DD; fiscal years are named 2026-27.',
      license: { name: 'Apache-2.0' },
    },
  });
  app.route('/', docsRoutes());
  app.route('/', spaRoutes(deps.webDist));

  app.notFound((c) => problemResponse(c, problems.notFound(`No resource at ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(c, error);
    deps.logger.error(
      { requestId: c.get('requestId'), err: { name: error.name, message: error.message } },
      'unhandled',
    );
    return problemResponse(c, problems.internal());
  });
  return app;
}

export type QuipApp = ReturnType<typeof createApp>;
