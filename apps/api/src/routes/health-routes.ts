import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { DatabaseProbe } from './database-probe.ts';

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
}) {
  const app = new OpenAPIHono<AppEnv>();
  const probe = new DatabaseProbe(deps.ping);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      tags: ['system'],
      summary: 'Liveness and which database and queue this instance uses',
      description:
        "Answers at once, without waiting behind the database's work (a large upload or a run holds the embedded database's one connection for seconds): the database's health is the outcome of its last probe (`select 1`), taken in the background at most once a second. 503 when that probe failed, or when a probe has waited more than 30 s for the database.",
      security: [],
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
        503: { description: 'The database does not answer (its last probe failed, or waits over 30 s)' },
      },
    }),
    async (c) => {
      if (!(await probe.healthy())) return c.json({ status: 'unavailable' }, 503) as never;
      return c.json({ status: 'ok' as const, database: deps.database, queue: deps.queue }, 200);
    },
  );
  return app;
}
