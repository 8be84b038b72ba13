import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { isPlainName } from '@quip/core';
import { type Database, type DatabaseKind, lastStatementEndedAt } from '@quip/db';
import type { JobRunner } from '@quip/jobs';
import { secureHeaders } from 'hono/secure-headers';
import { type Kysely, sql } from 'kysely';
import { authenticate } from './auth/authenticate.ts';
import type { AppEnv } from './http/app-env.ts';
import { jsonBodyGuard } from './http/json-body-guard.ts';
import { problemOf, problemResponse, problems } from './http/problem.ts';
import { isStreamedUpload, requestBodyLimit } from './http/request-body-limit.ts';
import { safePath } from './http/safe-name.ts';
import { receiveUploadBodies } from './ingest/receive-upload-bodies.ts';
import { AuthFailureGate } from './limits/auth-failure-limiter.ts';
import { createKeyRateLimiter, type KeyRateLimiter, rateLimitPerKey } from './limits/key-rate-limiter.ts';
import { DEFAULT_UPLOAD_TIMEOUTS, type UploadTimeouts } from './limits/upload-timeouts.ts';
import type { Logger } from './logger.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { backupRoutes } from './routes/backup-routes.ts';
import { docsRoutes } from './routes/docs-routes.ts';
import { entityRoutes } from './routes/entity-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { fiscalYearRoutes } from './routes/fiscal-year-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { serveOpenApiDocument } from './routes/openapi-routes.ts';
import { paymentCycleRoutes } from './routes/payment-cycle-routes.ts';
import { previewRoutes } from './routes/preview-routes.ts';
import { problemRoutes } from './routes/problem-routes.ts';
import { reviewRoutes } from './routes/review-routes.ts';
import { rulebookRoutes } from './routes/rulebook-routes.ts';
import { runRoutes } from './routes/run-routes.ts';
import { scorecardRoutes } from './routes/scorecard-routes.ts';
import { spaRoutes } from './routes/spa-routes.ts';
import { submissionRoutes } from './routes/submission-routes.ts';
import { submissionSchemaRoutes } from './routes/submission-schema-routes.ts';
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
  /** Failed authentications per minute per client address; default 30 a minute, counted in memory. */
  authFailureLimiter?: KeyRateLimiter;
  /** The server's clock: when a batch is received (tests pass a fixed one); default the real time. */
  clock?: () => Date;
  /** How long a bulk upload's body may take to arrive (tests shorten them); limits/upload-timeouts.ts. */
  uploadTimeouts?: Partial<UploadTimeouts>;
}

export const API_VERSION = '0.1.0';

/** The form of a client's X-Request-Id that is kept; any other is replaced by a generated one. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
          path: safePath(issue.path.filter((p) => typeof p !== 'symbol')),
          message: issueMessage(issue),
        }));
        throw problems.badRequest('The request does not match the API description.', errors);
      }
    },
  });

  app.use('*', async (c, next) => {
    // A client's request id is kept only in a safe form: it is repeated in the answer and the logs.
    const sent = c.req.header('x-request-id');
    const requestId = sent !== undefined && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        // The route, not the path: a path carries the payee ids and names a client sent.
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        key: undefined,
      },
      'request',
    );
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  app.use('/api/*', requestBodyLimit(deps.bodyLimitBytes));
  app.use('/api/*', jsonBodyGuard(isStreamedUpload));

  app.route(
    '/',
    healthRoutes({
      database: deps.databaseKind,
      queue: deps.jobs.kind,
      ping: async () => {
        await sql`select 1`.execute(deps.db);
      },
      lastStatementEndedAt: lastStatementEndedAt(deps.db),
    }),
  );

  const authFailures =
    deps.authFailureLimiter ?? createKeyRateLimiter({ perMinute: 30, name: 'auth-failures' });
  app.use('/api/v1/*', authenticate(deps.db, new AuthFailureGate(authFailures)));
  app.use('/api/v1/*', rateLimitPerKey(deps.rateLimiter ?? createKeyRateLimiter({ perMinute: 600 })));
  app.use('/api/v1/*', receiveUploadBodies({ ...DEFAULT_UPLOAD_TIMEOUTS, ...deps.uploadTimeouts }));
  app.route('/api/v1', meRoutes());
  app.route('/api/v1', fiscalYearRoutes(deps.db));
  app.route('/api/v1', entityRoutes(bulk));
  app.route('/api/v1', submissionRoutes(bulk));
  app.route('/api/v1', submissionSchemaRoutes(deps.db));
  app.route('/api/v1', previewRoutes(bulk));
  app.route('/api/v1', rulebookRoutes(deps.db));
  app.route('/api/v1', apiKeyRoutes(deps.db));
  app.route('/api/v1', auditRoutes(deps.db));
  app.route('/api/v1', backupRoutes(deps));
  app.route('/api/v1', runRoutes(deps));
  app.route('/api/v1', paymentCycleRoutes(deps.db));
  app.route('/api/v1', reviewRoutes(bulk));
  app.route('/api/v1', scorecardRoutes(deps.db, bulk.clock));
  app.route('/api/v1', eventRoutes(deps.db));
  app.route(QUEUE_DASHBOARD_PATH, queueDashboard(deps));

  app.route('/', problemRoutes());
  serveOpenApiDocument(app, API_VERSION);
  app.route('/', docsRoutes());
  app.route('/', spaRoutes(deps.webDist));

  // The path is not echoed: it may carry whatever a client typed.
  app.notFound((c) => problemResponse(c, problems.notFound('No resource at this path for this method.')));
  app.onError((error, c) => {
    const problem = problemOf(error);
    if (problem) return problemResponse(c, problem);
    deps.logger.error(
      { requestId: c.get('requestId'), err: { name: error.name, message: error.message } },
      'unhandled',
    );
    return problemResponse(c, problems.internal());
  });
  return app;
}

export type QuipApp = ReturnType<typeof createApp>;

/**
 * A validation issue's message. Zod's own messages name what was expected, never the input, but
 * for unknown fields they quote the names sent: those are listed only when plain names.
 */
function issueMessage(issue: { code: string; message: string; keys?: readonly string[] }): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const plain = (issue.keys ?? []).filter(isPlainName);
  const unnamed = (issue.keys?.length ?? 0) - plain.length;
  const listed = plain.length > 0 ? `: ${plain.join(', ')}` : '';
  return `has fields the API does not take${listed}${unnamed > 0 ? `${plain.length > 0 ? ' and' : ''} ${unnamed} not named here` : ''}`;
}
