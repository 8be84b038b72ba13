import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { DatabaseProbe, PROBE_DEFAULTS } from './database-probe.ts';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    queue: z.enum(['inline', 'bullmq']),
  })
  .openapi('Health', { example: { status: 'ok', database: 'pglite', queue: 'inline' } });

export function healthRoutes(deps: {
  database: 'pglite' | 'postgres';
  queue: 'inline' | 'bullmq';
  ping(): Promise<void>;
  /** The embedded database's last finished statement (see DatabaseProbe); undefined on PostgreSQL. */
  lastStatementEndedAt?: (() => number) | undefined;
}) {
  const app = new OpenAPIHono<AppEnv>();
  const probe = new DatabaseProbe(deps.ping, {
    ...PROBE_DEFAULTS,
    lastStatementEndedAt: deps.lastStatementEndedAt,
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      tags: ['system'],
      summary: 'Liveness and which database and queue this instance uses',
      description:
        "Answers at once, without waiting behind the database's work (a large upload or a run holds the embedded database's one connection for seconds; its statements run on a thread of their own, so this answer never waits for one): the database's health is the outcome of its last probe (`select 1`), taken in the background at most once a second. 503 when that probe failed, or when a probe has waited more than 30 s and the database is stuck: the embedded database finished no statement in those 30 s (one statement running that long, or its connection held without work); on PostgreSQL, a probe waiting 30 s is enough. A probe merely waiting behind work that progresses (an upload's or a run's transaction, statements ending one after another) answers 200: the database is busy, not down, and a restart would interrupt that work.",
      security: [],
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
        503: {
          description:
            'The database does not answer (its last probe failed, or it waits over 30 s while the database finishes no statement)',
        },
      },
    }),
    async (c) => {
      if (!(await probe.healthy())) return c.json({ status: 'unavailable' }, 503) as never;
      return c.json({ status: 'ok' as const, database: deps.database, queue: deps.queue }, 200);
    },
  );
  return app;
}
